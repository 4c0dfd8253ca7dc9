"""Bank simulator (代发银行): accepts a payment batch over HTTP and answers each instruction.

Contract (see docs/events/payments/bank-file.md):
- `POST /v1/batches` {batch_id, instructions: [{instruction_id, reference, account, name,
  amount_fen}]} → {batch_id, results: [{instruction_id, status: paid|failed|returned, reason,
  duplicate}]}. An instruction id seen before is never executed again: its first answer is
  repeated with `duplicate: true` (banks dedupe on the instruction serial number).
- Outcome by account number: `4004…` failed (account closed), `5005…` failed on the first
  instruction of a reference and paid on a later one (bank busy), `3003…` returned (name does
  not match), anything else paid.
- `POST /v1/files` with a batch disbursement file (批量代发文件, text/csv) as the body executes
  every credit as a batch instruction (same outcomes, same once-per-instruction rule) and answers
  the return file (回盘文件, text/csv); a file that breaks the layout is a 400 naming the line.
- `POST /v1/control` {delay_ms, answer_delay_ms, duplicate_answers}: be slow before executing
  or after executing (the payer may die after the money left), or repeat every answer line.
- `GET /v1/ledger`: every credit made, by reference, so tests can count payments per key;
  `GET /v1/ledger/totals`: their count and sum.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from payments.adapters.bank_files import (
    BankReturn,
    MalformedBankFile,
    Result,
    read_disbursement,
    write_return,
)

app = FastAPI(title="Bank simulator 代发银行模拟", version="1.0")


class Instruction(BaseModel):
    """One credit transfer to make."""

    instruction_id: str = Field(min_length=1, max_length=100)
    reference: str = Field(min_length=1, max_length=200)
    account: str = Field(pattern=r"^[0-9]{12,30}$")
    name: str
    amount_fen: int = Field(gt=0)


class Batch(BaseModel):
    """A batch of instructions."""

    batch_id: str
    instructions: list[Instruction]


class Control(BaseModel):
    """Behaviour switches for tests."""

    delay_ms: int = Field(default=0, ge=0, le=60_000)
    answer_delay_ms: int = Field(default=0, ge=0, le=60_000)  # slow after paying
    duplicate_answers: bool = False


class _Bank:
    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.reset()

    def reset(self) -> None:
        """Forget every batch, credit and switch."""
        # tuples of strings and ints: a province's millions of them are not the collector's work
        self.answers: dict[str, tuple[str, str]] = {}
        self.seen_references: set[str] = set()
        self._credits: list[tuple[str, str, str, int]] = []
        self.control = Control()

    @property
    def credits(self) -> list[dict[str, Any]]:
        """Every credit made: reference, instruction id, account tail and amount."""
        fields = ("reference", "instruction_id", "account_tail", "amount_fen")
        return [dict(zip(fields, credit, strict=True)) for credit in self._credits]

    @property
    def credit_count(self) -> int:
        """How many credits were made."""
        return len(self._credits)

    @property
    def credited_fen(self) -> int:
        """The sum of every credit made."""
        return sum(credit[3] for credit in self._credits)

    def execute(self, item: Instruction) -> dict[str, Any]:
        known = self.answers.get(item.instruction_id)
        if known is not None:
            return _answer(item.instruction_id, known, duplicate=True)
        status, reason = _outcome(item, item.reference in self.seen_references)
        self.seen_references.add(item.reference)
        if status == "paid":
            self._credits.append(
                (item.reference, item.instruction_id, item.account[-4:], item.amount_fen)
            )
        self.answers[item.instruction_id] = (status, reason)
        return _answer(item.instruction_id, (status, reason), duplicate=False)


def _answer(instruction_id: str, outcome: tuple[str, str], *, duplicate: bool) -> dict[str, Any]:
    status, reason = outcome
    return {
        "instruction_id": instruction_id,
        "status": status,
        "reason": reason,
        "duplicate": duplicate,
    }


_CLOSED = "account closed 账户已销户"
_BUSY = "bank system busy 银行系统繁忙"
_NAME = "name does not match 户名不符，资金退回"
RETURN_CODES = {"": "0000", _CLOSED: "3001", _BUSY: "9001", _NAME: "3002"}
"""The bank's reason code for each outcome, as its return file states it."""


def _outcome(item: Instruction, seen_before: bool) -> tuple[str, str]:
    if item.account.startswith("4004"):
        return "failed", _CLOSED
    if item.account.startswith("5005") and not seen_before:
        return "failed", _BUSY
    if item.account.startswith("3003"):
        return "returned", _NAME
    return "paid", ""


bank = _Bank()


@app.post("/v1/batches")
async def submit_batch(batch: Batch) -> dict[str, Any]:
    """Execute a batch; answer every instruction (twice when asked to duplicate)."""
    if bank.control.delay_ms:
        await asyncio.sleep(bank.control.delay_ms / 1000)
    async with bank.lock:
        results = [bank.execute(item) for item in batch.instructions]
    if bank.control.answer_delay_ms:
        await asyncio.sleep(bank.control.answer_delay_ms / 1000)
    if bank.control.duplicate_answers:
        results = [r for result in results for r in (result, {**result, "duplicate": True})]
    return {"batch_id": batch.batch_id, "results": results}


@app.post("/v1/files", response_class=PlainTextResponse)
async def submit_file(request: Request) -> Response:
    """Execute a disbursement file's credits; answer its return file."""
    try:
        file = read_disbursement(await request.body())
    except MalformedBankFile as refused:
        return PlainTextResponse(refused.detail_en, status_code=400)
    if bank.control.delay_ms:
        await asyncio.sleep(bank.control.delay_ms / 1000)
    instructions = [
        Instruction(
            instruction_id=c.instruction_id,
            reference=c.reference,
            account=c.account,
            name=c.name,
            amount_fen=c.amount_fen,
        )
        for c in file.credits
    ]
    async with bank.lock:
        answers = [bank.execute(item) for item in instructions]
    results = tuple(
        Result(
            item.instruction_id,
            item.account,
            item.name,
            item.amount_fen,
            answer["status"],
            RETURN_CODES[answer["reason"]],
            answer["reason"],
        )
        for item, answer in zip(instructions, answers, strict=True)
    )
    content = write_return(BankReturn(file.batch_no, file.file_date, results))
    return Response(content, media_type="text/csv; charset=utf-8")


@app.post("/v1/control")
async def control(body: Control) -> Control:
    """Set the simulator's behaviour."""
    bank.control = body
    return body


@app.post("/v1/reset")
async def reset() -> dict[str, str]:
    """Start again from an empty bank."""
    bank.reset()
    return {"status": "reset"}


@app.get("/v1/ledger")
async def ledger() -> dict[str, Any]:
    """Every credit made so far."""
    return {"credits": bank.credits}


@app.get("/v1/ledger/totals")
async def ledger_totals() -> dict[str, int]:
    """How many credits were made, and their sum (a province's ledger is too long to list)."""
    return {"credits": bank.credit_count, "amount_fen": bank.credited_fen}


@app.get("/healthz")
async def healthz() -> dict[str, str]:
    """Liveness."""
    return {"status": "ok"}
