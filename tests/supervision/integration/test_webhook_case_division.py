"""Events that name no place (a payment settled, a proposal) reach the webhook subscriptions of
their case's division (ADR 0036): supervision places them by its case index, so a county that
subscribes to `payments.PaymentSettled` gets its own payments and nobody else's."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from shared.eventstore.envelope import Actor, EventMetadata, NewEvent, RecordedEvent
from tests.supervision.integration.conftest import Supervision

COUNTY, OTHER_COUNTY = "620102", "620103"


async def _subscribe(supervision: Supervision, county: str) -> str:
    async with supervision.client() as client:
        answer = await client.post(
            "/v1/subscriptions",
            json={"callback_url": "https://partner.example.cn/hook",
                  "event_types": ["payments.PaymentSettled"], "division_codes": [county]},
            headers=supervision.headers("county_officer", county),
        )  # fmt: skip
    assert answer.status_code == 201, answer.text
    await supervision.catch_up()  # the subscriptions' read model the handler reads
    return str(answer.json()["subscription_id"])


async def _settled(supervision: Supervision, case_id: str) -> RecordedEvent:
    """A payment of the case settled, in a stand-in payments log: its data names no place."""
    data = {"payment_id": str(uuid.uuid4()), "case_id": case_id, "programme": "urban_dibao",
            "period": "2026-11", "amount_fen": 60_000, "run_id": f"{COUNTY}-2026-11"}  # fmt: skip
    metadata = EventMetadata(Actor.system("bank"), "bank-file", "银行回盘", case_id=case_id)
    recorded = await supervision.source.append(
        f"payment-{case_id}", [NewEvent("payments.PaymentSettled", data, metadata)], None
    )
    return recorded[-1]


async def _deliveries(supervision: Supervision, subscription_id: str) -> list[str]:
    async with supervision.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT case_id FROM webhook_deliveries WHERE subscription_id = :s"),
            {"s": subscription_id},
        )
        return list(rows.scalars())


async def test_a_payment_reaches_the_subscription_of_its_cases_county_only(
    supervision: Supervision,
) -> None:
    # given a county's subscription to settled payments, and another county's
    ours, theirs = (
        await _subscribe(supervision, COUNTY),
        await _subscribe(supervision, OTHER_COUNTY),
    )
    # and a case of the county that supervision has seen opened (its case index)
    case_id = str(uuid.uuid4())
    await supervision.copy_in("verification", case_id, "verification.CaseOpened",
                              {"case_id": case_id, "division_code": f"{COUNTY}001"})  # fmt: skip
    # when a payment of that case, naming no place, comes from the public topic
    handler = supervision.runtime.handlers["supervision.webhooks"]
    async with supervision.runtime.engine.begin() as conn:
        await handler(await _settled(supervision, case_id), conn)
    # then the county's subscription queues it and the other county's does not
    assert await _deliveries(supervision, ours) == [case_id]
    assert await _deliveries(supervision, theirs) == []
    # and a payment of a case supervision has never placed goes nowhere
    async with supervision.runtime.engine.begin() as conn:
        await handler(await _settled(supervision, str(uuid.uuid4())), conn)
    assert await _deliveries(supervision, ours) == [case_id]
