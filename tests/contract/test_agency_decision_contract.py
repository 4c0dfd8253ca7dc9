"""Intake's partner decisions and payments agree (ADR 0032): payments reads
`intake.ProgrammeDecidedByAgency` through a typed contract whose every field intake publishes, and
pays each programme the way intake says SafetyNet pays it."""

from __future__ import annotations

import json

import pytest

from intake.domain.programmes import PARTNER_DECISIONS, Settlement
from payments.domain.programmes import Kind, kind_of
from payments.reactions.agency_decisions import EVENT_TYPE, AgencyDecided
from services.event_schemas import EVENTS

PRODUCER_SCHEMA = EVENTS / "intake" / f"{EVENT_TYPE}.v1.json"


@pytest.mark.req("GEN-2", "INT-4")
def test_every_field_payments_reads_is_published_by_intake_as_required_as_payments_needs() -> None:
    # given intake's published JSON Schema of the event
    schema = json.loads(PRODUCER_SCHEMA.read_text(encoding="utf-8"))
    published, required = set(schema["properties"]), set(schema["required"])
    # then each field of payments' contract is published, and those it cannot do without always
    for name, field in AgencyDecided.model_fields.items():
        assert name in published, name
        assert not field.is_required() or name in required, name


@pytest.mark.req("PAY-8", "PAY-2")
def test_what_intake_says_safetynet_pays_is_paid_that_way_by_payments() -> None:
    # given the settlement of each partner programme; then payments' own kind agrees with it
    expected = {Settlement.ONE_OFF: Kind.ONE_OFF, Settlement.PER_PERSON: Kind.PER_PERSON}
    for programme, rule in PARTNER_DECISIONS.items():
        if rule.settlement in expected:
            assert kind_of(programme) is expected[rule.settlement], programme
