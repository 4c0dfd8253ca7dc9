"""The bank file of a run: the batch disbursement file of its instructions awaiting the bank
(docs/events/payments/bank-file.md, ADR 0038)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.bank_files import Credit, Disbursement, write_disbursement, yuan
from payments.domain.run import BankFileNotReady, PaymentRun

__all__ = ["bank_file", "batch_no", "ensure_instructed", "yuan"]

_AWAITING = text(
    "SELECT instruction_id, payment_key, payee_name, bank_account, amount_fen, period,"
    " programme, division_code FROM payments_view"
    " WHERE run_id = :run AND status = 'instructed' ORDER BY payment_key"
)
_ROUND = text(
    "SELECT cardinality(finished) = partitions AS done FROM run_partitions"
    " WHERE run_id = :run AND round = :round"
)


def batch_no(run_id: str, round_: int) -> str:
    """The batch number of a run's round: `<run_id>-R<round>` (round 0, then one per retry)."""
    return f"{run_id}-R{round_}"


async def ensure_instructed(conn: AsyncConnection, run: PaymentRun) -> None:
    """BankFileNotReady (409) while the run's round is still being instructed."""
    if run.status == "completed":
        return
    if not await conn.scalar(_ROUND, {"run": run.id, "round": run.round}):
        raise BankFileNotReady(
            f"run {run.id} is still instructing round {run.round}: try again shortly",
            f"发放批次{run.id}第{run.round}轮支付指令仍在生成，请稍后再试",
            run_id=run.id,
        )


async def bank_file(conn: AsyncConnection, run: PaymentRun, on: date) -> bytes:
    """The run's disbursement file: every instruction still awaiting the bank, by reference."""
    assert run.started is not None
    rows = await conn.execute(_AWAITING, {"run": run.id})
    credits = tuple(
        Credit(
            r.instruction_id,
            r.bank_account,
            r.payee_name,
            r.amount_fen,
            f"{r.period} {r.programme}",
            r.payment_key,
            r.division_code,
        )
        for r in rows
    )
    batch = batch_no(run.id, run.round)
    return write_disbursement(Disbursement(batch, run.started.county_code, on, credits))
