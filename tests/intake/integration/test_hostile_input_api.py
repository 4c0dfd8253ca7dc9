"""Hostile input on intake: look-alike digits, control characters, lax numbers, foreign charsets."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from tests.intake.conftest import APPLICANT, Intake, body

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９X")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
INT64_MAX = 2**63 - 1


async def _stored(intake: Intake) -> int:
    async with intake.runtime.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM events"))).scalar_one())


def _fields(answer: object) -> set[str]:
    return {e["field"] for e in answer.json()["errors"]}  # type: ignore[attr-defined]


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize("digits", [FULL_WIDTH, ARABIC_INDIC], ids=["full-width", "arabic-indic"])
async def test_a_resident_id_in_look_alike_digits_is_refused_and_nothing_is_stored(
    intake: Intake, digits: dict[int, str]
) -> None:
    # given the applicant's ID typed in non-ASCII digits (same check digit: int() reads them)
    look_alike = APPLICANT.translate(digits)
    assert look_alike != APPLICANT and look_alike[:17].isdigit()  # str.isdigit takes them
    application = body(
        members=[{"resident_id": look_alike, "name": "张桂兰", "relation": "self"}],
        authorisation={
            "signed_by_resident_id": look_alike,
            "signed_on": "2026-11-20",
            "document_ref": "授权-1",
        },
    )
    async with intake.client() as client:
        answer = await client.post("/v1/applications", json=application, headers=intake.headers())
    # then it is refused, naming the fields, and no application exists
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert "body.members.0.resident_id" in _fields(answer)
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
async def test_nul_in_a_path_id_a_query_value_or_a_json_text_is_422_naming_the_field(
    intake: Intake,
) -> None:
    async with intake.client() as client:
        in_path = await client.get("/v1/applications/app%00x", headers=intake.headers())
        in_query = await client.get(
            "/v1/applications", params={"division": "620102\x00"}, headers=intake.headers()
        )
        members = [{"resident_id": APPLICANT, "name": "张\x00桂兰", "relation": "self"}]
        in_body = await client.post(
            "/v1/applications", json=body(members=members), headers=intake.headers()
        )
    for answer, field in (
        (in_path, "path.application_id"),
        (in_query, "query.division"),
        (in_body, "body.members.0.name"),
    ):
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["code"] == "invalid-request"
        assert _fields(answer) == {field}
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
async def test_tab_and_newlines_in_json_text_are_still_accepted(intake: Intake) -> None:
    authorisation = {
        "signed_by_resident_id": APPLICANT,
        "signed_on": "2026-11-20",
        "document_ref": "授权-1\r\n\t附页",
    }
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications", json=body(authorisation=authorisation), headers=intake.headers()
        )
    assert answer.status_code == 201, answer.text


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    ("value", "field"),
    [
        (INT64_MAX + 1, "body.declared_monthly_income_fen"),
        (True, "body.declared_monthly_income_fen"),
        ("100", "body.declared_monthly_income_fen"),
        (100.0, "body.declared_monthly_income_fen"),
    ],
    ids=["int64+1", "true", "string", "float"],
)
async def test_money_is_a_strict_integer_within_int64(
    intake: Intake, value: object, field: str
) -> None:
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            json=body(declared_monthly_income_fen=value),
            headers=intake.headers(),
        )
    assert answer.status_code == 422, answer.text
    assert field in _fields(answer)
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
async def test_a_body_in_another_charset_than_utf8_is_415(intake: Intake) -> None:
    content = json.dumps(body(), ensure_ascii=False).encode("utf-8")
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            content=content,
            headers={**intake.headers(), "Content-Type": "application/json; charset=latin-1"},
        )
        utf8 = await client.post(
            "/v1/applications",
            content=content,
            headers={**intake.headers(), "Content-Type": "application/json; charset=UTF-8"},
        )
    assert answer.status_code == 415, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert answer.json()["code"] == "unsupported-charset"
    assert utf8.status_code == 201, utf8.text


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("content_type", ["text/plain", "text/plain; charset=utf-8", None])
async def test_an_application_sent_as_anything_but_json_is_415_and_nothing_stored(
    intake: Intake, content_type: str | None
) -> None:
    content = json.dumps(body(), ensure_ascii=False).encode("utf-8")
    headers = {k: v for k, v in intake.headers().items() if k.lower() != "content-type"}
    if content_type is not None:
        headers["Content-Type"] = content_type
    async with intake.client() as client:
        answer = await client.post("/v1/applications", content=content, headers=headers)
    assert answer.status_code == 415, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert (answer.json()["code"], answer.json()["field"]) == (
        "unsupported-media-type",
        "header.content-type",
    )
    assert await _stored(intake) == 0


BLANKS = ["\u3000", "\u00a0", "\ufeff", "\u200b", "  ", "\u3000\u200b\u00a0"]
BLANK_IDS = ["ideographic-space", "nbsp", "bom", "zero-width-space", "spaces", "a-mixture"]


@pytest.mark.req("GEN-8", "INT-1")
@pytest.mark.parametrize("blank", BLANKS, ids=BLANK_IDS)
async def test_a_name_or_authorisation_of_nothing_visible_is_422_naming_the_field(
    intake: Intake, blank: str
) -> None:
    # given a member whose name and an authorisation whose reference are only blank characters
    members = [{"resident_id": APPLICANT, "name": blank, "relation": "self"}]
    authorisation = {
        "signed_by_resident_id": APPLICANT,
        "signed_on": "2026-11-20",
        "document_ref": blank,
    }
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            json=body(members=members, authorisation=authorisation),
            headers=intake.headers(),
        )
    # then the submission is refused, naming both, and nothing is stored
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "invalid-request"
    assert _fields(answer) == {"body.members.0.name", "body.authorisation.document_ref"}
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    "content_type", ["application/merge-patch+json", "application/problem+json"]
)
async def test_a_json_media_type_the_operation_does_not_document_is_415(
    intake: Intake, content_type: str
) -> None:
    content = json.dumps(body(), ensure_ascii=False).encode("utf-8")
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            content=content,
            headers={**intake.headers(), "Content-Type": content_type},
        )
    assert answer.status_code == 415, answer.text
    assert (answer.json()["code"], answer.json()["field"]) == (
        "unsupported-media-type",
        "header.content-type",
    )
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    "content",
    [
        json.dumps(body(), ensure_ascii=False).encode("utf-16"),
        json.dumps(body(), ensure_ascii=False).encode("utf-16-le"),
        b'{"declared_monthly_income_fen": "\xff\xfe"}',
    ],
    ids=["utf-16", "utf-16-le", "latin-1-bytes"],
)
async def test_a_body_that_is_not_utf8_is_415_unsupported_charset(
    intake: Intake, content: bytes
) -> None:
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            content=content,
            headers={**intake.headers(), "Content-Type": "application/json"},
        )
    assert answer.status_code == 415, answer.text
    assert (answer.json()["code"], answer.json()["field"]) == ("unsupported-charset", "body")
    assert await _stored(intake) == 0


@pytest.mark.req("GEN-8")
async def test_an_integer_of_thousands_of_digits_is_422_naming_its_field(intake: Intake) -> None:
    text_body = json.dumps(body(declared_monthly_income_fen=0), ensure_ascii=False)
    huge = text_body.replace(
        '"declared_monthly_income_fen": 0', '"declared_monthly_income_fen": ' + "9" * 5000
    )
    assert huge != text_body
    async with intake.client() as client:
        answer = await client.post(
            "/v1/applications",
            content=huge.encode("utf-8"),
            headers={**intake.headers(), "Content-Type": "application/json"},
        )
    assert answer.status_code == 422, answer.text
    assert _fields(answer) == {"body.declared_monthly_income_fen"}
    assert await _stored(intake) == 0
