"""The kernel's backstop: a value PostgreSQL refuses is a 422 problem, never a 500 (GEN-8)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http.body_limit import MAX_BODY_BYTES, body_limit
from shared.http.guard import DEPTH_MESSAGE, MAX_JSON_DEPTH
from shared.http.tokens import ensure_dev_keypair
from tests.shared.integration.http_kernel_app import in_process_client, kernel_app

JSON = {"Content-Type": "application/json"}
UPLOAD_LIMIT = 3 * MAX_BODY_BYTES
PROBES = {
    "text-to-int": "SELECT CAST(:v AS integer)",  # 22P02 invalid text representation
    "smallint": "SELECT CAST(CAST(:v AS integer) AS smallint)",  # 22003 numeric out of range
    "nul": "SELECT CAST(:v AS text)",  # 22021 character not in repertoire
    "syntax": "SELECT FROM WHERE",  # 42601: a bug of ours, still a 500
}


class Dated(BaseModel):
    """Dates and instants, as the document says: text."""

    on: date
    until: date | None = None
    stamps: list[datetime] = []


def _probe_app(engine: AsyncEngine, public_key: bytes) -> httpx.AsyncClient:
    router = APIRouter()

    @router.post("/v1/dated")
    async def dated(body: Dated) -> dict[str, str]:
        return {"on": body.on.isoformat()}

    @router.post("/v1/probes/{name}")
    async def probe(name: str, value: str, request: Request) -> dict[str, str]:
        # the route writes a row, then a value reaches PostgreSQL that the guard did not catch
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO probe_writes (name) VALUES (:n)"), {"n": name})
            await conn.execute(text(PROBES[name]), {"v": value.replace("~", "\x00")})
        return {"ok": "yes"}

    @router.post("/v1/uploads", openapi_extra=body_limit(UPLOAD_LIMIT))
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    @router.post("/v1/bigints/{number}")
    async def bigint(number: int) -> dict[str, str]:
        async with engine.begin() as conn:  # asyncpg refuses to encode a value beyond int64
            await conn.execute(text("SELECT CAST(:n AS bigint)"), {"n": number})
        return {"ok": "yes"}

    return in_process_client(kernel_app(engine, public_key, [router]))


@pytest.fixture
async def probe(engine: AsyncEngine, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    _, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    async with engine.begin() as conn:
        await conn.execute(text("CREATE TABLE probe_writes (name text NOT NULL)"))
    async with _probe_app(engine, public) as client:
        yield client


async def _writes(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM probe_writes"))).scalar_one())


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    ("name", "value"), [("text-to-int", "abc"), ("smallint", "99999"), ("nul", "a~b")]
)
async def test_a_database_data_error_is_422_and_nothing_is_written(
    probe: httpx.AsyncClient, engine: AsyncEngine, name: str, value: str
) -> None:
    answer = await probe.post(f"/v1/probes/{name}", params={"value": value})
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["code"] == "invalid-value"
    echoed = {k: v for k, v in answer.json().items() if k != "correlation_id"}  # random hex
    assert value not in json.dumps(echoed, ensure_ascii=False).replace("~", "")  # never echoed
    assert await _writes(engine) == 0


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("number", [2**63, -(2**63) - 1])
async def test_an_integer_beyond_int64_in_a_path_is_422_naming_it(
    probe: httpx.AsyncClient, engine: AsyncEngine, number: int
) -> None:
    """The route reads `number` as an int: the door refuses it before the driver sees it."""
    answer = await probe.post(f"/v1/bigints/{number}")
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid-request"
    assert [e["field"] for e in answer.json()["errors"]] == ["path.number"]
    assert await _writes(engine) == 0


@pytest.mark.req("GEN-8")
async def test_other_database_errors_stay_a_500(
    probe: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    answer = await probe.post("/v1/probes/syntax", params={"value": "x"})
    assert answer.status_code == 500
    assert answer.json()["code"] == "internal-error"
    assert await _writes(engine) == 0


@pytest.mark.req("GEN-8")
async def test_control_characters_in_query_or_json_are_refused_before_the_route(
    probe: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    in_query = await probe.post("/v1/probes/nul", params={"value": "a\x00b"})
    in_path = await probe.post("/v1/probes/n%01ul", params={"value": "x"})
    # a right-to-left override reads a name backwards in a bank file: refused as well
    reversed_name = await probe.post("/v1/probes/nul", params={"value": "张\u202e三"})
    assert in_query.status_code == in_path.status_code == reversed_name.status_code == 422
    assert [e["field"] for e in in_query.json()["errors"]] == ["query.value"]
    assert [e["field"] for e in in_path.json()["errors"]] == ["path.name"]
    assert await _writes(engine) == 0


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"on": 0}, "body.on"),  # lax pydantic would read 1970-01-01
        ({"on": True}, "body.on"),
        ({"on": "2027-03-10", "until": 20270310}, "body.until"),
        ({"on": "2027-03-10", "stamps": ["2027-03-10T09:30:00+08:00", 1.8e9]}, "body.stamps.1"),
    ],
)
async def test_a_number_where_the_document_says_a_date_is_422_naming_it(
    probe: httpx.AsyncClient, body: dict[str, Any], field: str
) -> None:
    answer = await probe.post("/v1/dated", json=body)
    assert answer.status_code == 422, answer.text
    assert [e["field"] for e in answer.json()["errors"]] == [field]


async def test_dates_written_as_text_pass(probe: httpx.AsyncClient) -> None:
    body = {"on": "2027-03-10", "until": None, "stamps": ["2027-03-10T09:30:00+08:00"]}
    answer = await probe.post("/v1/dated", json=body)
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"on": "2027-03-10"}


def _nested(levels: int) -> bytes:
    """A body whose `extra` holds `levels` arrays one inside another (the body itself is one)."""
    return b'{"on": "2027-03-10", "extra": ' + b"[" * levels + b"]" * levels + b"}"


@pytest.mark.req("GEN-8")
async def test_a_body_nested_to_the_limit_reaches_the_route(probe: httpx.AsyncClient) -> None:
    answer = await probe.post("/v1/dated", content=_nested(MAX_JSON_DEPTH - 1), headers=JSON)
    assert answer.status_code == 200, answer.text


@pytest.mark.req("GEN-8")
async def test_a_body_nested_beyond_the_limit_is_422_naming_the_first_field_beyond(
    probe: httpx.AsyncClient,
) -> None:
    answer = await probe.post("/v1/dated", content=_nested(MAX_JSON_DEPTH), headers=JSON)
    assert answer.status_code == 422, answer.text
    beyond = "body.extra" + ".0" * (MAX_JSON_DEPTH - 1)
    assert answer.json()["errors"] == [{"field": beyond, "message": DEPTH_MESSAGE}]


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("levels", [990, 1_100, 100_000])  # about Python's and orjson's limits
@pytest.mark.parametrize("content_type", ["application/json", None])
async def test_a_body_nested_past_every_parser_is_a_4xx_and_never_a_500(
    probe: httpx.AsyncClient, levels: int, content_type: str | None
) -> None:
    """Deeper than the readers go, the JSON is refused whole; without a Content-Type it is not
    read at all (415: the route reads JSON), and no check of ours recurses into it."""
    headers = {"Content-Type": content_type} if content_type else {}
    answer = await probe.post("/v1/dated", content=_nested(levels), headers=headers)
    if content_type is not None:
        assert answer.status_code == 422, answer.text
        assert answer.json()["errors"][0]["message"] == DEPTH_MESSAGE
    else:
        assert answer.status_code == 415, answer.text
        assert answer.json()["code"] == "unsupported-media-type"


async def _streamed(body: bytes) -> AsyncIterator[bytes]:
    """The body in 64 KiB chunks, sent without a Content-Length (chunked)."""
    for start in range(0, len(body), 65_536):
        yield body[start : start + 65_536]


def _json_of(size: int) -> bytes:
    return b'{"on": "2027-03-10", "pad": "' + b"x" * (size - 31) + b'"}'


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_a_body_past_the_limit_is_a_413_problem_and_reaches_no_route(
    probe: httpx.AsyncClient, engine: AsyncEngine, declared: bool
) -> None:
    body = b'{"pad": "' + b"x" * MAX_BODY_BYTES + b'"}'
    content = body if declared else _streamed(body)
    answer = await probe.post(
        "/v1/probes/nul", params={"value": "a"}, content=content, headers=JSON
    )
    assert answer.status_code == 413, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["code"] == "content-too-large"
    assert answer.json()["max_body_bytes"] == MAX_BODY_BYTES
    assert await _writes(engine) == 0


async def test_a_body_at_the_limit_passes(probe: httpx.AsyncClient) -> None:
    body = _json_of(MAX_BODY_BYTES)
    assert len(body) == MAX_BODY_BYTES
    answer = await probe.post("/v1/dated", content=body, headers=JSON)
    assert answer.status_code == 200, answer.text


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
async def test_an_upload_takes_the_larger_body_it_declares_and_no_more(
    probe: httpx.AsyncClient, declared: bool
) -> None:
    def sent(size: int) -> Any:
        return b"x" * size if declared else _streamed(b"x" * size)

    csv = {"Content-Type": "text/csv"}
    taken = await probe.post("/v1/uploads", content=sent(UPLOAD_LIMIT), headers=csv)
    assert taken.status_code == 200, taken.text
    assert taken.json() == {"bytes": UPLOAD_LIMIT}
    refused = await probe.post("/v1/uploads", content=sent(UPLOAD_LIMIT + 1), headers=csv)
    assert refused.status_code == 413, refused.text
    assert refused.json()["code"] == "content-too-large"
    assert refused.json()["max_body_bytes"] == UPLOAD_LIMIT


async def test_the_document_states_each_operations_body_limit(probe: httpx.AsyncClient) -> None:
    paths = (await probe.get("/openapi.json")).json()["paths"]
    assert paths["/v1/uploads"]["post"]["x-max-body-bytes"] == UPLOAD_LIMIT
    assert paths["/v1/dated"]["post"]["x-max-body-bytes"] == MAX_BODY_BYTES
    assert "413" in paths["/v1/dated"]["post"]["responses"]


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    ("content_type", "content"),
    [
        ("text/plain", b'{"on": "2026-12-01"}'),
        ("text/plain; charset=utf-8", '{"on": "2026年"}'.encode("gb18030")),  # not UTF-8 either
        ("application/x-www-form-urlencoded", b"on=2026-12-01"),
        ("multipart/form-data; boundary=x", b'--x\r\n\r\n{"on": "2026-12-01"}\r\n--x--\r\n'),
        (None, b'{"on": "2026-12-01"}'),
    ],
    ids=["text-plain", "text-plain-not-utf8", "form", "multipart", "no-content-type"],
)
async def test_a_json_route_given_a_body_that_is_not_json_is_415_naming_the_header(
    probe: httpx.AsyncClient, content_type: str | None, content: bytes
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    answer = await probe.post("/v1/dated", content=content, headers=headers)
    assert answer.status_code == 415, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert (problem["code"], problem["field"]) == ("unsupported-media-type", "header.content-type")


@pytest.mark.req("GEN-8")
async def test_only_documented_json_passes_and_malformed_json_stays_a_4xx_of_its_own(
    probe: httpx.AsyncClient,
) -> None:
    # application/json passes the door; another +json type the operation does not document is
    # 415 (ADR 0069: a merge patch or a problem document is not the body the route reads)
    plain = await probe.post("/v1/dated", content=b'{"on": "2026-12-01"}', headers=JSON)
    suffixed = await probe.post(
        "/v1/dated",
        content=b'{"on": "2026-12-01"}',
        headers={"Content-Type": "application/merge-patch+json"},
    )
    assert (plain.status_code, suffixed.status_code) == (200, 415), suffixed.text
    assert suffixed.json()["code"] == "unsupported-media-type"
    # malformed JSON is still refused as bad JSON, not as media
    bad = await probe.post("/v1/dated", content=b'{"on": ', headers=JSON)
    assert bad.status_code in (400, 422), bad.text
    assert bad.json()["code"] != "unsupported-media-type"
    # and JSON that is not UTF-8 is 415 naming the body
    foreign = '{"on": "2026年"}'.encode("gb18030")
    not_utf8 = await probe.post("/v1/dated", content=foreign, headers=JSON)
    assert (not_utf8.status_code, not_utf8.json()["code"], not_utf8.json()["field"]) == (
        415,
        "unsupported-charset",
        "body",
    )
    # a route that reads its body raw (an upload) keeps its own media types
    upload = await probe.post(
        "/v1/uploads", content=b"a,b\n1,2\n", headers={"Content-Type": "text/csv"}
    )
    assert upload.status_code == 200, upload.text
