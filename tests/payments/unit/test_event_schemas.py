"""Every event payments publishes has its JSON Schema in docs/events/payments (GEN-2)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from payments.domain.beneficiary import BeneficiaryEnrolled
from payments.domain.events import register_events
from payments.domain.payment import PaymentSettled
from services.settings import PROJECT_ROOT
from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.registry import EventRegistry

DOCS = PROJECT_ROOT / "docs/events/payments"


@pytest.mark.req("GEN-2", "PAY-3")
def test_the_contract_events_validate_against_their_schemas() -> None:
    registry = EventRegistry()
    register_events(registry)
    metadata = EventMetadata(Actor.system("payments"), "test")
    settled = PaymentSettled(
        "p-1", "case-1", "urban_dibao", "2026-11", 110_000, "****8901",
        datetime(2026, 11, 28, tzinfo=UTC), "p-1-1", "620102-2026-11",
    )  # fmt: skip
    enrolled = BeneficiaryEnrolled(
        "case-1", "urban_dibao", "620102001", "620102", "urban", 3, 100_000, None, 0,
        110_000, date(2026, 1, 1), "张桂兰", None,
    )  # fmt: skip
    for event in (settled, enrolled):
        new = registry.serialize(event, metadata)
        schema = json.loads((DOCS / f"{new.type}.v1.json").read_text(encoding="utf-8"))
        assert set(schema["required"]) <= set(new.data) <= set(schema["properties"])
        money = [k for k in new.data if k.endswith("_fen")]
        assert all(schema["properties"][k]["type"] == "integer" for k in money)
        assert all(isinstance(new.data[k], int) for k in money)
    contract = {"payment_id", "case_id", "programme", "period", "amount_fen",
                "bank_account_masked", "settled_at"}  # fmt: skip
    assert contract <= set(registry.serialize(settled, metadata).data)
