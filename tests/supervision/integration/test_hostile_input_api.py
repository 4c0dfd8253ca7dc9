"""Hostile input on supervision: control characters, integers beyond int64 (GEN-8), CSV cells."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any

import openpyxl
import pytest

from shared.clock import CHINA
from shared.exports import spreadsheet_safe
from supervision.application.report_xlsx import Table, as_xlsx
from supervision.application.reports import COLUMNS, as_csv
from tests.supervision.integration.conftest import Supervision

AUDITOR = ("auditor", "62")
INSPECTOR = ("inspector", "620102")


def _event(**changes: Any) -> dict[str, Any]:
    event = {
        "event_id": "e-1", "stream_id": "s-1", "stream_version": 1, "position": 1,
        "type": "intake.ApplicationSubmitted", "schema_version": 1,
        "occurred_at": "2026-11-23T10:00:00+08:00", "recorded_at": "2026-11-23T10:00:00+08:00",
        "data": {}, "metadata": {}, "prev_hash": "0" * 64, "hash": "1" * 64,
    }  # fmt: skip
    return {**event, **changes}


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("field", ["position", "stream_version", "schema_version"])
async def test_a_source_check_with_an_integer_beyond_int64_is_422(
    supervision: Supervision, field: str
) -> None:
    check = {"service": "intake", "events": [_event(**{field: 2**63})]}
    async with supervision.client() as client:
        answer = await client.post(
            "/v1/audit/source-checks", json=check, headers=supervision.headers(*AUDITOR)
        )
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert [e["field"] for e in answer.json()["errors"]] == [f"body.events.0.{field}"]


@pytest.mark.req("GEN-8")
async def test_a_source_check_refuses_a_boolean_or_text_position(supervision: Supervision) -> None:
    async with supervision.client() as client:
        for value in (True, "1"):
            check = {"service": "intake", "events": [_event(position=value)]}
            answer = await client.post(
                "/v1/audit/source-checks", json=check, headers=supervision.headers(*AUDITOR)
            )
            assert answer.status_code == 422, answer.text


@pytest.mark.req("GEN-8")
async def test_nul_in_path_query_or_json_text_is_422_on_supervision(
    supervision: Supervision,
) -> None:
    async with supervision.client() as client:
        in_path = await client.get("/v1/complaints/c%00", headers=supervision.headers(*INSPECTOR))
        in_query = await client.get(
            "/v1/complaints", params={"cursor": "\x00"}, headers=supervision.headers(*INSPECTOR)
        )
        in_body = await client.post(
            "/v1/audit/source-checks",
            json={"service": "intake", "events": [_event(stream_id="s\x00")]},
            headers=supervision.headers(*AUDITOR),
        )
    for answer, field in (
        (in_path, "path.complaint_id"),
        (in_query, "query.cursor"),
        (in_body, "body.events.0.stream_id"),
    ):
        assert answer.status_code == 422, answer.text
        assert [e["field"] for e in answer.json()["errors"]] == [field]


@pytest.mark.req("GEN-7")
def test_report_cells_that_start_like_a_formula_are_kept_as_text() -> None:
    row: dict[str, Any] = {name: 0 for name, _ in COLUMNS}
    first = COLUMNS[0][0]
    row[first] = "=cmd|' /C calc'!A0"
    parsed = list(csv.reader(io.StringIO(as_csv([row]).lstrip("\ufeff"))))
    assert parsed[1][0] == "'=cmd|' /C calc'!A0"
    assert parsed[1][1] == "0"  # numbers unchanged
    for cell in ("+1", "-1", "@x", "\t=1", "\r=1"):
        assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe("张桂兰") == "张桂兰"


@pytest.mark.req("GEN-7")
def test_xlsx_cells_that_start_like_a_formula_stay_text() -> None:
    row: dict[str, Any] = {name: 0 for name, _ in COLUMNS}
    row[COLUMNS[0][0]] = '=HYPERLINK("http://x","点我")'
    workbook = as_xlsx(
        [Table("t", COLUMNS, [row])],
        period="2026-11",
        jurisdiction="62",
        generated_at=datetime(2026, 12, 1, tzinfo=CHINA),
    )
    cell = openpyxl.load_workbook(io.BytesIO(workbook))["t"]["A2"]
    assert cell.data_type == "s" and cell.value == '\'=HYPERLINK("http://x","点我")'
