"""Executes a payment run: payables, bank batches, answers, completion — safe to kill and rerun.

Every step is idempotent: a payment's stream is its business key, a bank instruction id is
never executed twice by the bank, and an answer is recorded only while the payment still waits
for it. So a run killed at any instant (SIGKILL included) and started again pays every payable
exactly once. A run is executed in disjoint partitions by case (ADR 0013), one executor per
partition at a time (a session advisory lock, released by a crash): executors in several
processes share a run. The last partition to finish reconciles and completes it.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from payments.adapters.bank import BankClient
from payments.adapters.streams import load_many
from payments.application.bank_answers import (
    bank_metadata,
    owe_what_failed_for_good,
    record_answer,
)
from payments.application.context import Repositories
from payments.application.instruct import active_beneficiaries, instruct_chunk
from payments.application.partitions import (
    IN_PARTITION,
    WHOLE,
    Partition,
    RunPartitions,
    finish,
    partitions_of,
)
from payments.application.run_funds import RoomTaken
from payments.domain.payment import Payment
from payments.domain.prices import PriceLinkage
from payments.domain.run import PaymentRun
from payments.domain.standards import PROVINCE
from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from shared.projections.runner import ProjectionRunner

log = logging.getLogger(__name__)
PAYMENTS_VIEW = "payments.payments_view"

_PENDING = text(
    "SELECT payment_key, instruction_id, amount_fen, payee_name, bank_account, priority"
    " FROM payments_view WHERE run_id = :run AND status = 'instructed'"
    " AND (priority, payment_key) > (:priority, :key)"
    f" AND {IN_PARTITION}"
    " ORDER BY priority, payment_key LIMIT :limit"
)
START: tuple[int, str] = (-1, "")  # before every (priority, payment key)
_TOTALS = text(
    "SELECT count(*) AS instructed,"
    " count(*) FILTER (WHERE status = 'settled') AS settled,"
    " coalesce(sum(amount_fen) FILTER (WHERE status = 'settled'), 0) AS settled_fen,"
    " count(*) FILTER (WHERE status = 'failed') AS failed"
    " FROM payments_view WHERE run_id = :run"
)


class IncompleteBankAnswer(RuntimeError):
    """The bank answered none of a batch's instructions: try again later."""


class RunExecutor:
    """Drives runs to completion against the bank."""

    def __init__(
        self,
        engine: AsyncEngine,
        store: EventStore,
        registry: EventRegistry,
        projections: ProjectionRunner,
        bank: BankClient,
        chunk_size: int = 100,
        partitions: int = 1,
    ) -> None:
        self.engine = engine
        self.clock = store.clock  # settlement instants, as the store records events
        self.repos = Repositories.of(store, registry)
        self.projections = projections
        self.bank = bank
        self.chunk_size = chunk_size
        self.partitions = partitions  # for a run this executor is the first to reach

    async def execute(self, run_id: str) -> bool:
        """Drive one run as far as this executor can; True when it is completed.

        Executes every partition of the run's round that no other executor holds or finished,
        then completes the run if every partition has finished.
        """
        run = await self.repos.runs.get(run_id)
        if run.status == "completed":
            return True
        for partition in (await self._partitions(run)).unfinished():
            key = f"{run_id}/{partition.index}"
            await self._locked(key, partial(self._execute_partition, run, partition))
        if (await self._partitions(run)).all_finished:
            if run.channel == "file":  # the totals read the view: it must hold every instruction
                await self.projections.catch_up(PAYMENTS_VIEW)
            return await self._complete(run_id)
        return False

    async def send_pending(self, run_id: str) -> bool:
        """Send what waits under a standing run id (one-off payments); True when done."""
        return await self._locked(run_id, lambda: self._send_all(run_id, WHOLE))

    async def _locked(self, key: str, work: Callable[[], Awaitable[bool]]) -> bool:
        async with self.engine.connect() as lock:
            key = f"payments-run:{key}"
            got = await lock.scalar(text("SELECT pg_try_advisory_lock(hashtext(:k))"), {"k": key})
            await lock.commit()
            if not got:
                return False
            try:
                return await work()
            finally:
                await lock.execute(text("SELECT pg_advisory_unlock(hashtext(:k))"), {"k": key})
                await lock.commit()

    async def _partitions(self, run: PaymentRun) -> RunPartitions:
        async with self.engine.begin() as conn:
            return await partitions_of(conn, run.id, run.round, self.partitions)

    async def _execute_partition(self, run: PaymentRun, partition: Partition) -> bool:
        if partition.index in (await self._partitions(run)).finished:
            return True  # another executor finished it before this one took the lock
        await self.projections.catch_up_all()
        if not run.instructed_all:  # a retry round sends the failures again, no new payables
            await self._instruct_all(run, partition)
        if run.channel == "api":  # a file run's instructions wait for the officer's file
            await self._send_all(run.id, partition)
        async with self.engine.begin() as conn:
            await finish(conn, run.id, run.round, partition)
        return True

    async def _send_all(self, run_id: str, partition: Partition) -> bool:
        """Every instructed payment of the run's partition to the bank, a chunk at a time, in
        priority order; passes repeat until one finds nothing left instructed (an answer the
        bank left out)."""
        sent = True
        while sent:
            await self.projections.catch_up(PAYMENTS_VIEW)
            sent, after = False, START
            while pending := await self._pending(run_id, after, partition):
                await self._send(run_id, pending)
                sent, after = True, (pending[-1].priority, pending[-1].payment_key)
        return True

    async def _instruct_all(self, run: PaymentRun, partition: Partition) -> None:
        """Instruct the payables a page at a time and send each page's new payments at once;
        the pass of `_send_all` after it finds whatever a crash or the bank left instructed."""
        assert run.started is not None
        prices = await self.repos.prices.find(PROVINCE)
        county, after = run.started.county_code, ("", "")
        while True:
            async with self.engine.connect() as conn:
                chunk = await active_beneficiaries(
                    conn, county, after, self.chunk_size, partition, run.started.period
                )
            if not chunk:
                return
            instructed = await self._instruct(run, chunk, prices)
            if instructed and run.channel == "api":
                # what the bank has is on view — unless another executor is projecting it already
                await self.projections.catch_up(PAYMENTS_VIEW, wait=False)
                await self._send(run.id, [_pending_of(p) for p in instructed], instructed)
            after = chunk[-1]

    async def _instruct(
        self, run: PaymentRun, chunk: list[tuple[str, str]], prices: PriceLinkage | None
    ) -> list[Payment]:
        """Instruct a chunk in one transaction; again, the run's money locked, when another
        partition took the room it counted on (ADR 0067)."""
        try:
            async with self.engine.begin() as conn:
                return await instruct_chunk(self.repos, conn, run, chunk, prices)
        except RoomTaken:
            async with self.engine.begin() as conn:
                return await instruct_chunk(self.repos, conn, run, chunk, prices, locked=True)

    async def _pending(
        self, run_id: str, after: tuple[int, str], partition: Partition
    ) -> list[Any]:
        params = {"run": run_id, "priority": after[0], "key": after[1], "limit": self.chunk_size}
        async with self.engine.connect() as conn:
            return list(await conn.execute(_PENDING, params | partition.params()))

    async def _send(
        self, run_id: str, pending: Sequence[Any], loaded: Sequence[Payment] = ()
    ) -> None:
        """Send instructions (rows of payments_view, or `_Pending`) and record the answers on the
        payments (`loaded`, or read from their streams)."""
        instructions = [
            {
                "instruction_id": r.instruction_id,
                "reference": r.payment_key,
                "account": r.bank_account,
                "name": r.payee_name,
                "amount_fen": r.amount_fen,
            }
            for r in pending
        ]
        answers = await self.bank.submit(f"{run_id}/{pending[0].instruction_id}", instructions)
        by_instruction = {r.instruction_id: r.payment_key for r in pending}
        if not any(a.instruction_id in by_instruction for a in answers):
            raise IncompleteBankAnswer(f"the bank answered none of {len(pending)} instructions")
        async with self.engine.begin() as conn:
            payments = {p.id: p for p in loaded} or await load_many(
                self.repos.payments, conn, list(by_instruction.values())
            )
            answered: dict[str, tuple[Payment, EventMetadata]] = {}  # once per payment
            for answer in answers:
                key = by_instruction.get(answer.instruction_id)
                if (
                    key is not None
                    and key in payments
                    and record_answer(payments[key], answer, self.clock.now())
                ):
                    answered.setdefault(
                        key, (payments[key], bank_metadata(payments[key], answer, run_id))
                    )
            await self.repos.payments.save_many(list(answered.values()), conn)
            await owe_what_failed_for_good(self.repos, conn, list(answered.values()))

    async def _complete(self, run_id: str) -> bool:
        async with self.engine.begin() as conn:
            # executors finishing their last partitions at once complete the run one at a time
            await conn.execute(
                text("SELECT pg_advisory_xact_lock(hashtext(:k))"),
                {"k": f"payments-run-complete:{run_id}"},
            )
            totals = (await conn.execute(_TOTALS, {"run": run_id})).one()
            run = await self.repos.runs.get(run_id, conn)
            if run.channel == "file" and totals.instructed > totals.settled + totals.failed:
                return False  # the bank's return file has not answered every instruction yet
            if run.complete(
                totals.instructed, totals.settled, int(totals.settled_fen), totals.failed
            ):
                metadata = EventMetadata(
                    Actor.system("payments"),
                    "payment-run",
                    f"发放批次{run_id}对账完成 (run reconciled)",
                    correlation_id=run_id,
                )
                await self.repos.runs.save(run, metadata, conn)
        return True


@dataclass(frozen=True)
class _Pending:
    """An instruction to send, shaped like a payments_view row."""

    payment_key: str
    instruction_id: str
    amount_fen: int
    payee_name: str
    bank_account: str


def _pending_of(payment: Payment) -> _Pending:
    instructed = payment.instructed
    assert instructed is not None
    return _Pending(
        payment.id,
        instructed.instruction_id,
        instructed.amount_fen,
        instructed.payee_name,
        instructed.bank_account,
    )
