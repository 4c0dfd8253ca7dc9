"""The bank file of a run: a documented CSV (docs/events/payments/bank-file.md)."""

from __future__ import annotations

import csv
import io

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.exports import spreadsheet_safe

HEADER = (
    "instruction_id", "reference", "payee_name", "bank_account", "amount_fen", "amount_yuan",
    "period", "programme", "division_code",
)  # fmt: skip
_ROWS = text(
    "SELECT instruction_id, payment_key, payee_name, bank_account, amount_fen, period,"
    " programme, division_code FROM payments_view"
    " WHERE run_id = :run AND status IN ('instructed', 'settled') ORDER BY payment_key"
)


def yuan(fen: int) -> str:
    """Fen as a yuan amount with two decimals, exactly (no floats)."""
    return f"{fen // 100}.{fen % 100:02d}"


async def bank_file_csv(conn: AsyncConnection, run_id: str) -> str:
    """UTF-8 CSV with a header line, one line per instruction, CRLF line ends; a text cell that
    starts like a formula (= + - @ tab CR) is prefixed with `'`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for r in await conn.execute(_ROWS, {"run": run_id}):
        writer.writerow(
            spreadsheet_safe(cell)  # a payee name like "=HYPERLINK(…)" stays text
            for cell in (r.instruction_id, r.payment_key, r.payee_name, r.bank_account,
                         r.amount_fen, yuan(r.amount_fen), r.period, r.programme, r.division_code)
        )  # fmt: skip
    return out.getvalue()
