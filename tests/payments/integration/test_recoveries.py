"""Supervision's overpayment recovery orders (追回): recorded once when they stand, refused with a
reason when payments holds no such benefit or paid less than the order asks (PAY-3, SUP-2)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from shared.contracts.supervision import CorrectiveActionOrdered
from shared.eventstore.envelope import RecordedEvent
from tests.payments.integration.test_runs import DECISIONS, set_standard, start_and_execute
from tests.payments.support import PERIOD, Payments, approved, foreign_event

PAID = 110_000  # a household of three under a 700-yuan standard with 1,000 yuan income


def recovery(
    action_id: str, case_id: str, amount_fen: int, programme: str = "urban_dibao"
) -> RecordedEvent:
    """supervision.CorrectiveActionOrdered as supervision publishes it (its typed contract)."""
    order = CorrectiveActionOrdered(
        action_id=action_id, case_id=case_id, action="recover_overpayment", programme=programme,
        amount_fen=amount_fen, reason="隐瞒收入，追回多发资金", complaint_id="c-1",
    )  # fmt: skip
    return foreign_event(order.TYPE, order.model_dump(mode="json"), case_id)


async def paid_household(payments: Payments, case_id: str) -> None:
    """A household enrolled and paid this month's PAID."""
    async with payments.client() as client:
        await set_standard(payments, client)
        await payments.consume(DECISIONS, approved(case_id))
        await start_and_execute(payments, client, PERIOD)


async def recorded(payments: Payments, action_id: str) -> list[tuple[str, dict]]:
    return [
        (e.type, e.data) for e in await payments.runtime.store.read_stream(f"recovery-{action_id}")
    ]


@pytest.mark.req("PAY-3", "SUP-2")
async def test_an_ordered_overpayment_recovery_is_recorded_once(payments: Payments) -> None:
    # given a household paid this month, and supervision's order to recover it, delivered twice
    await paid_household(payments, "case-r")
    order = recovery("a-9", "case-r", PAID)
    await payments.consume(DECISIONS, order)
    await payments.consume(DECISIONS, order)
    # then one recovery is on record with the amount, the reason and the case
    events = await payments.runtime.store.read_stream("recovery-a-9")
    assert [(e.type, e.data["amount_fen"], e.metadata.case_id) for e in events] == [
        ("payments.OverpaymentRecoveryRecorded", PAID, "case-r")
    ]
    assert events[0].metadata.causation_id == str(order.event_id)


@pytest.mark.req("PAY-3", "SUP-2")
async def test_a_recovery_of_a_benefit_not_held_or_above_what_was_paid_is_refused_with_a_reason(
    payments: Payments,
) -> None:
    # given a household paid this month
    await paid_household(payments, "case-r")
    # when supervision orders more back than was paid, a programme the case does not hold,
    # and a case payments never heard of
    await payments.consume(DECISIONS, recovery("too-much", "case-r", PAID + 1))
    await payments.consume(DECISIONS, recovery("other-programme", "case-r", 1, "rural_dibao"))
    await payments.consume(DECISIONS, recovery("unknown-case", "no-such-case", 1))
    # then each is refused on record with its reason, and none is recorded as owed back
    refused = {
        action: [(t, d["reason"], d["paid_fen"]) for t, d in await recorded(payments, action)]
        for action in ("too-much", "other-programme", "unknown-case")
    }
    assert refused == {
        "too-much": [("payments.OverpaymentRecoveryRefused", "exceeds-paid", PAID)],
        "other-programme": [("payments.OverpaymentRecoveryRefused", "no-beneficiary", 0)],
        "unknown-case": [("payments.OverpaymentRecoveryRefused", "no-beneficiary", 0)],
    }
    async with payments.runtime.engine.connect() as conn:
        owed = await conn.execute(
            text("SELECT count(*) FROM events WHERE type = 'payments.OverpaymentRecoveryRecorded'")
        )
        assert owed.scalar_one() == 0
