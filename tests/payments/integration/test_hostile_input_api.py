"""Hostile input on payments: control characters, lax or oversized money (GEN-8), CSV cells."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

import pytest

from payments.application.bank_file import bank_file
from payments.domain.run import PaymentRun
from tests.payments.support import COUNTY, Payments

DISASTER = {
    "disaster_id": "flood-2026-07",
    "county_code": COUNTY,
    "name": "7·15 洪涝",
    "occurred_on": "2026-07-15",
    "allocation_fen": 1_000_000,
    "reason": "省应急厅下拨救灾资金",
}


@pytest.mark.req("GEN-8")
async def test_nul_in_path_query_or_json_text_is_422_on_payments(payments: Payments) -> None:
    async with payments.client() as client:
        in_path = await client.get("/v1/disasters/flood%00", headers=payments.headers())
        in_query = await client.get(
            "/v1/beneficiaries", params={"division_code": "620102\x00"}, headers=payments.headers()
        )
        in_body = await client.post(
            "/v1/disasters", json={**DISASTER, "name": "洪\x00涝"}, headers=payments.headers()
        )
        nothing = await client.get("/v1/disasters/flood-2026-07", headers=payments.headers())
    for answer, field in (
        (in_path, "path.disaster_id"),
        (in_query, "query.division_code"),
        (in_body, "body.name"),
    ):
        assert answer.status_code == 422, answer.text
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in answer.json()["errors"]] == [field]
    assert nothing.status_code == 404


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize(
    "amount", [2**63, True, "100", 1.0], ids=["int64+1", "true", "str", "float"]
)
async def test_money_must_be_a_strict_integer_within_int64(
    payments: Payments, amount: object
) -> None:
    async with payments.client() as client:
        answer = await client.post(
            "/v1/disasters", json={**DISASTER, "allocation_fen": amount}, headers=payments.headers()
        )
    assert answer.status_code == 422, answer.text
    assert "body.allocation_fen" in {e["field"] for e in answer.json()["errors"]}


class _Rows:
    """A stand-in connection answering the bank file's query with fixed rows."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    async def execute(self, *_: Any) -> list[Any]:
        return self.rows


class _Row:
    def __init__(self, payee_name: str, amount_fen: int = 60_000) -> None:
        self.instruction_id, self.payment_key = "i-1", "k-1"
        self.payee_name, self.bank_account, self.amount_fen = (
            payee_name,
            "6228480012345678901",
            amount_fen,
        )
        self.period, self.programme, self.division_code = "2026-12", "urban_dibao", "620102001"


@pytest.mark.req("GEN-7")
@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://x","点我")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
async def test_a_payee_name_never_becomes_a_formula_in_the_bank_file(name: str) -> None:
    csv_text = await _bank_file(name)
    detail = list(csv.reader(io.StringIO(csv_text, newline="")))[1]
    assert detail[4] == "'" + name  # the payee name is kept as text, shown as typed
    assert detail[5] == "600.00"  # the amount is unchanged


@pytest.mark.req("GEN-7")
async def test_an_ordinary_payee_name_is_unchanged() -> None:
    csv_text = await _bank_file("张桂兰")
    assert csv_text.split("\r\n")[1].startswith("D,1,i-1,6228480012345678901,张桂兰,600.00,")


async def _bank_file(payee_name: str) -> str:
    """The bank file of a run of one instruction to the payee."""
    run = PaymentRun(PaymentRun.id_for(COUNTY, "2026-12"))
    run.start(COUNTY, "2026-12")
    content = await bank_file(_Rows([_Row(payee_name)]), run, date(2026, 12, 1))  # type: ignore[arg-type]
    return content.decode("utf-8")
