"""Importing the bank's return file (回盘文件) of a run (ADR 0038): the whole file is checked
against the run first, then every result is applied in one transaction through the same domain
path as the batch API's answers — or nothing is."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.bank import BankAnswer
from payments.adapters.bank_files import BankReturn, MalformedBankFile, read_return, yuan
from payments.adapters.streams import load_many
from payments.application.bank_answers import (
    FILE_CHANNEL,
    bank_metadata,
    owe_what_failed_for_good,
    record_answer,
)
from payments.application.context import Repositories
from payments.domain.payment import Payment
from payments.domain.run import BankReturnImported
from shared.eventstore.envelope import EventMetadata

_INSTRUCTIONS = text(
    "SELECT instruction_id, payment_key, bank_account, amount_fen FROM payments_view"
    " WHERE run_id = :run"
)


class BankReturnMismatch(MalformedBankFile):
    """A return file whose records do not answer the run's own instructions."""

    code = "bank-return-mismatch"
    title_en = "The return file does not answer this run's instructions"
    title_zh = "回盘文件与本发放批次的支付指令不符"


@dataclass(frozen=True)
class ImportBankReturn:
    """Apply a return file to the run's payments, once per file."""

    run_id: str
    content: bytes
    expected_version: int
    metadata: EventMetadata

    @property
    def sha256(self) -> str:
        """The file's SHA-256: the same file is imported once."""
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class ImportOutcome:
    """What the import recorded (or had recorded, when the file was imported before)."""

    imported: BankReturnImported
    already_imported: bool
    run_version: int  # the run's version after the import: its new ETag


@dataclass(frozen=True)
class CheckedReturn:
    """A return file that answers the run's own instructions."""

    file: BankReturn
    keys: dict[str, str]  # instruction id → payment key


async def checked_return(conn: AsyncConnection, run_id: str, content: bytes) -> CheckedReturn:
    """The file read and checked against the run, or a 422 naming the first bad line and field."""
    file = read_return(content)
    if not re.fullmatch(re.escape(run_id) + r"-R(0|[1-9][0-9]{0,5})", file.batch_no):
        raise BankReturnMismatch(
            1,
            "batch_no",
            f"{file.batch_no} is not a batch of run {run_id}",
            f"批次号{file.batch_no}不属于发放批次{run_id}",
        )
    rows = {r.instruction_id: r for r in await conn.execute(_INSTRUCTIONS, {"run": run_id})}
    for line, result in enumerate(file.results, 2):
        row = rows.get(result.instruction_id)
        if row is None:
            raise BankReturnMismatch(
                line,
                "instruction_id",
                f"is no current instruction of run {run_id}",
                f"不是发放批次{run_id}的当前支付指令",
            )
        if row.bank_account != result.account:
            raise BankReturnMismatch(
                line, "account", "is not the instruction's account", "与支付指令的收款账号不符"
            )
        if row.amount_fen != result.amount_fen:
            raise BankReturnMismatch(
                line,
                "amount_yuan",
                f"the instruction is for {yuan(row.amount_fen)}",
                f"支付指令金额为{yuan(row.amount_fen)}元",
            )
    keys = {
        result.instruction_id: rows[result.instruction_id].payment_key for result in file.results
    }
    return CheckedReturn(file, keys)


async def import_bank_return(
    cmd: ImportBankReturn,
    repos: Repositories,
    conn: AsyncConnection,
    at: datetime,
) -> ImportOutcome:
    """Settle or fail each payment the file answers; a file imported before changes nothing."""
    run = await repos.runs.get(cmd.run_id, conn)
    known = run.returns.get(cmd.sha256)
    if known is not None:
        return ImportOutcome(known, already_imported=True, run_version=run.version)
    checked = await checked_return(conn, cmd.run_id, cmd.content)
    file = checked.file
    payments = await load_many(repos.payments, conn, list(checked.keys.values()))
    changed = _answered(file, checked.keys, payments, cmd.run_id, at)
    settled = sum(1 for p, _ in changed if p.status == "settled")
    imported = BankReturnImported(
        cmd.run_id,
        file.batch_no,
        cmd.sha256,
        len(file.results),
        settled,
        len(changed) - settled,
        len(file.results) - len(changed),
    )
    run.import_return(imported)
    await repos.runs.save(run, cmd.metadata, conn, cmd.expected_version)
    await repos.payments.save_many(changed, conn)
    await owe_what_failed_for_good(repos, conn, changed)
    return ImportOutcome(imported, already_imported=False, run_version=run.version)


def _answered(
    file: BankReturn,
    keys: dict[str, str],
    payments: dict[str, Payment],
    run_id: str,
    at: datetime,
) -> list[tuple[Payment, EventMetadata]]:
    """The payments each result changes, with the bank as the actor of the outcome."""
    changed: list[tuple[Payment, EventMetadata]] = []
    for result in file.results:
        payment = payments.get(keys[result.instruction_id])
        reason = f"{result.bank_code} {result.bank_message}".strip()
        answer = BankAnswer(result.instruction_id, result.outcome, reason)
        if payment is not None and record_answer(payment, answer, at):
            changed.append((payment, bank_metadata(payment, answer, run_id, FILE_CHANNEL)))
    return changed
