"""The caseload import over HTTP refuses rows that would make the money wrong (PAY-2, PAY-8,
ADR 0037, docs/migration.md): an amount no one person is paid, a programme the import cannot
pay or that has its own route, a rural class on another programme. Each is reported at its row
and field; the good household is imported."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from shared.identity import check_char
from tests.verification.conftest import Verifying
from tests.verification.support import TODAY
from verification.application.migration.layout import COLUMNS

APPROVED_ON = (TODAY - timedelta(days=400)).isoformat()


def resident(sequence: int, born: str = "19600101") -> str:
    first17 = f"620102{born}{sequence:03d}"
    return first17 + check_char(first17)


def household(ref: str, sequence: int, **cells: str) -> dict[str, str]:
    """One member's row of a one-person household, by default an urban dibao by rule."""
    base = {
        "household_ref": ref, "programme": "urban_dibao", "division_code": "620102001",
        "registration": "urban", "approved_on": APPROVED_ON,
        "assessed_monthly_income_fen": "0", "bank_account": f"62284800123456{sequence:05d}",
        "member_resident_id": resident(sequence), "member_name": "张桂兰",
        "member_relation": "self",
    }  # fmt: skip
    return {**dict.fromkeys(COLUMNS, ""), **base, **cells}


def caseload(*rows: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.mark.req("PAY-2", "PAY-8", "GEN-8")
async def test_rows_that_would_make_the_money_wrong_are_refused_at_their_cell(
    verifying: Verifying,
) -> None:
    # given the old system's file with one good household and four that cannot be paid right
    content = caseload(
        household("OK-1", 1, monthly_amount_fen="60000"),
        household("HUGE-2", 2, monthly_amount_fen="999999999999"),
        household("CHILD-3", 3, programme="children_in_difficulty"),
        household("ONCE-4", 4, programme="temporary_assistance", monthly_amount_fen="50000"),
        household("CLASS-5", 5, rural_class="3"),
    )
    # when the county officer uploads it
    headers = {**verifying.county.headers(), "Content-Type": "text/csv"}
    answer = await verifying.county.client.post(
        "/v1/migrations", params={"file_name": "caseload.csv"}, content=content, headers=headers
    )
    # then the good household is imported, each bad one refused at its row and field
    assert answer.status_code == 201, answer.text
    body = answer.json()
    assert (body["households_imported"], body["households_rejected"]) == (1, 4)
    assert {(r["row"], r["household_ref"], r["field"]) for r in body["rejects"]} == {
        (3, "HUGE-2", "monthly_amount_fen"),
        (4, "CHILD-3", "programme"),
        (5, "ONCE-4", "programme"),
        (6, "CLASS-5", "rural_class"),
    }
    [approved] = await verifying.events("verification.CaseApproved")
    assert approved["migrated"]["household_ref"] == "OK-1"
