"""payments_view applies a batch's runs of one event type set-based: the rows of one at a time."""

from __future__ import annotations

import uuid
from datetime import timedelta
from itertools import count
from typing import Any

import pytest
from sqlalchemy import text

from payments.domain.payment import Payment, PaymentInstructed, payment_id_for, payment_key
from payments.projections.payments import PaymentsView
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from tests.payments.support import NOW, PERIOD, Payments

METADATA = EventMetadata(Actor.system("payments"), "payment-run", "测试批次")
RUN = f"620102-{PERIOD}"
_positions = count(1)


def _instructed(case_id: str) -> Payment:
    key = payment_key(case_id, "urban_dibao", PERIOD)
    pid = payment_id_for(key)
    payment = Payment(key)
    payment.instruct(
        PaymentInstructed(
            pid, RUN, case_id, "urban_dibao", PERIOD, "620102001", 110_000, 100_000, 0, 1,
            f"{pid}-1", "张桂兰", "6228480012345678901", price_subsidy_fen=10_000,
        )
    )  # fmt: skip
    return payment


def _recorded(payments: Payments, payment: Payment) -> list[RecordedEvent]:
    """The payment's pending events as the store would give them back."""
    now = payments.runtime.store.clock.now()
    recorded = []
    for event in payment.pending:
        new = payments.runtime.registry.serialize(event, METADATA)
        recorded.append(
            RecordedEvent(
                uuid.uuid4(), new.type, 1, payment.stream_id, 1, next(_positions), now, now,
                new.data, METADATA, "0" * 64, "0" * 64,
            )
        )  # fmt: skip
    payment.pending.clear()
    return recorded


def _log(payments: Payments) -> list[RecordedEvent]:
    """Three payments: one failed then paid on its second attempt, one paid, one returned; an
    instruction delivered twice; runs of consecutive events of one type."""
    first, second, third = (_instructed(c) for c in ("case-1", "case-2", "case-3"))
    log = [e for p in (first, second, third) for e in _recorded(payments, p)]
    log.append(log[1])  # the second instruction again, as a redelivery would
    paid_at = NOW - timedelta(days=4)  # the bank answered a few days ago
    second.settle(f"{payment_id_for(second.id)}-1", paid_at)
    first.fail(f"{payment_id_for(first.id)}-1", "failed", "账户已冻结")
    third.fail(f"{payment_id_for(third.id)}-1", "returned", "户名不符")
    log += [e for p in (second, first, third) for e in _recorded(payments, p)]
    first.retry()
    log += _recorded(payments, first)
    first.settle(f"{payment_id_for(first.id)}-2", paid_at)
    log += _recorded(payments, first)
    return log


async def _rows(payments: Payments) -> list[tuple[Any, ...]]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(text("SELECT * FROM payments_view ORDER BY payment_key"))
        return [tuple(r) for r in rows]


@pytest.mark.req("PAY-3")
async def test_a_batch_gives_the_rows_of_one_event_at_a_time(payments: Payments) -> None:
    # given a log of instructions, answers, a retry and a redelivered event
    log, view = _log(payments), PaymentsView()
    # when it is applied in one batch, and again one event at a time
    async with payments.runtime.engine.begin() as conn:
        await view.handle_batch(log, conn)
    batched = await _rows(payments)
    async with payments.runtime.engine.begin() as conn:
        await conn.execute(text("DELETE FROM payments_view"))
        for event in log:
            await view.handle(event, conn)
    # then the rows are the same: the retried payment settled on attempt 2, the others final
    assert batched == await _rows(payments)
    statuses = {row[0].split(":")[0]: (row[10], row[14], row[15]) for row in batched}
    assert statuses == {
        "case-1": (2, "settled", None),
        "case-2": (1, "settled", None),
        "case-3": (1, "failed", "returned"),
    }
