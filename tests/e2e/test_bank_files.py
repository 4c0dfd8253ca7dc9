"""A run paid by bank file, end to end through the public APIs only (PAY-3, ADR 0038): the county
downloads the batch disbursement file, the bank answers with its return file, and importing it
settles and fails the payments — once, and never from a tampered file."""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO, cast

import httpx
import pytest

from clients.payments.api.beneficiaries import get_beneficiary, list_beneficiary_payments
from clients.payments.api.payment_runs import (
    get_bank_file,
    get_payment_run,
    import_bank_return_file,
    list_run_payments,
    start_payment_run,
)
from clients.payments.types import File
from tests.e2e.flows import Answer, Clerk, County, answered, approved, funded, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

# 张家川回族自治县: this module's county on the shared stack. The brief named 620133, which is no
# county of the division table (tokens for it cannot be minted); this one no other module uses.
COUNTY = County("620525")
# by resident sequence; the bank simulator refuses an account starting 4004: account closed
ACCOUNTS = {331: "6228480012345613301", 332: "6228480012345613302", 333: "4004480012345613303"}
MONTHLY_FEN = 60_000


async def _approved_households(stack: RunningServices, client: httpx.AsyncClient) -> list[str]:
    """Three urban dibao households approved at 600 yuan a month, each with a bank account."""
    cases = []
    for sequence, account in ACCOUNTS.items():
        person = COUNTY.resident(sequence)
        case_id = await submitted(stack, client, COUNTY, {
            "division_code": COUNTY.township, "registration": "urban",
            "programmes": ["urban_dibao"],
            "members": [{"resident_id": person, "name": "张桂兰", "relation": "self"}],
            "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
            "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                              "document_ref": f"代发文件-授权-{sequence}"},
            "bank_account": account,
        })  # fmt: skip
        await approved(stack, client, COUNTY, case_id, "urban_dibao", {
            "decision": "approve", "reason": "符合城市低保条件",
            "override_monthly_amount_fen": MONTHLY_FEN,
            "override_reason": "按乡镇审核意见核定每月600元"})  # fmt: skip
        cases.append(case_id)
    return cases


def _records(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))


def _tampered(content: bytes) -> bytes:
    """The return file with its last record's amount raised by 100.00 and its totals made to
    agree: sound as a file, false about the run."""
    rows = _records(content)
    header, last, trailer = rows[0], rows[-2], rows[-1]

    def plus_100(cell: str) -> str:
        whole, cents = cell.split(".")
        return f"{int(whole) + 100}.{cents}"

    last[5], header[3] = plus_100(last[5]), plus_100(header[3])
    column = 2 if last[6] == "S" else 4  # the trailer's paid or unpaid total
    trailer[column] = plus_100(trailer[column])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


async def _upload(clerk: Clerk, run_id: str, content: bytes) -> Answer:
    """POST a return file (text/csv) with the run's current ETag."""
    etag = (await clerk.call(get_payment_run, run_id=run_id)).headers["ETag"]
    # the generated call hands the payload to httpx as it is: bytes, since httpx reads a file
    # object synchronously, which its async client refuses (openapi-python-client issue #1239)
    upload = File(payload=cast(BinaryIO, content), file_name="return.csv", mime_type="text/csv")
    return await clerk.call(import_bank_return_file, etag=etag, run_id=run_id, body=upload)


async def _payments(clerk: Clerk, run_id: str) -> dict[str, dict[str, Any]]:
    items = (await clerk.call(list_run_payments, run_id=run_id, limit=50)).json()["items"]
    return {p["case_id"]: p for p in items}


@pytest.mark.req("PAY-3")
async def test_a_run_paid_by_bank_file_settles_from_the_return_file_once(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        payments = Clerk(stack, client, "payments", "county_officer", COUNTY.code)
        # given three approved households, one of whose accounts the bank has closed
        cases = await _approved_households(stack, client)
        for case_id in cases:
            await eventually(
                lambda c=case_id: answered(payments, get_beneficiary, case_id=c,
                                           programme="urban_dibao"),
                timeout=60, message="payments never enrolled a household",
            )  # fmt: skip
        await funded(payments, COUNTY, "urban_dibao", 1_000_000)
        # when the county starts this month's run to be paid by bank file
        period = stack.period(0)
        started = await payments.call(start_payment_run, body={
            "county_code": COUNTY.code, "period": period, "reason": f"{period}城市低保代发",
            "channel": "file"})  # fmt: skip
        assert started.status_code == 201, started.text
        run_id = started.json()["run_id"]
        # then the run produces the documented bank file of its three instructions
        await eventually(lambda: answered(payments, get_bank_file, run_id=run_id), timeout=60,
                         message="the bank file was never ready")  # fmt: skip
        bank_file = (await payments.call(get_bank_file, run_id=run_id)).content
        rows = _records(bank_file)
        assert rows[0][:2] == ["H", f"{run_id}-R0"] and rows[0][5:] == ["3", "1800.00", "CNY"]
        assert rows[-1] == ["T", "3", "1800.00"]
        instructed = await _payments(payments, run_id)
        assert {r[2] for r in rows[1:-1]} == {p["instruction_id"] for p in instructed.values()}
        assert {p["status"] for p in instructed.values()} == {"instructed"}
        # when the bank (its simulator: plain HTTP) answers the file with its return file
        answer = await client.post(f"{stack.urls['bank']}/v1/files", content=bank_file,
                                   headers={"Content-Type": "text/csv"})  # fmt: skip
        assert answer.status_code == 200, answer.text
        returned = answer.content
        assert [r[6] for r in _records(returned)[1:-1]].count("F") == 1
        # and a tampered copy of it is uploaded first: it is refused naming line and field
        tampered = await _upload(payments, run_id, _tampered(returned))
        assert tampered.status_code == 422, tampered.text
        assert (tampered.json()["line"], tampered.json()["field"]) == (4, "amount_yuan")
        assert {p["status"] for p in (await _payments(payments, run_id)).values()} == {"instructed"}
        # and the true return file is uploaded
        imported = await _upload(payments, run_id, returned)
        assert imported.status_code == 200, imported.text
        assert {k: imported.json()[k] for k in ("records", "settled", "failed", "unchanged")} == {
            "records": 3, "settled": 2, "failed": 1, "unchanged": 0}  # fmt: skip

        # then the two are settled, the closed account failed with the bank's reason
        async def reconciled() -> bool:
            read = (await payments.call(get_payment_run, run_id=run_id)).json()
            return read["status"] == "completed"

        await eventually(reconciled, timeout=60, message="the run was never reconciled")
        read = (await payments.call(get_payment_run, run_id=run_id)).json()
        assert (read["channel"], read["settled"], read["settled_fen"], read["failed"]) == (
            "file", 2, 2 * MONTHLY_FEN, 1)  # fmt: skip
        paid = await _payments(payments, run_id)
        closed = cases[2]
        assert paid[closed]["status"] == "failed" and "3001" in paid[closed]["bank_reason"]
        assert {paid[c]["status"] for c in cases[:2]} == {"settled"}
        ledger = (
            await payments.call(
                list_beneficiary_payments, case_id=cases[0], programme="urban_dibao"
            )
        ).json()
        assert [(p["period"], p["status"]) for p in ledger["items"]] == [(period, "settled")]
        # when the same return file is uploaded again, nothing changes
        etag = (await payments.call(get_payment_run, run_id=run_id)).headers["ETag"]
        again = await _upload(payments, run_id, returned)
        assert again.status_code == 200 and again.json()["already_imported"], again.text
        assert (await payments.call(get_payment_run, run_id=run_id)).headers["ETag"] == etag
        assert await _payments(payments, run_id) == paid
