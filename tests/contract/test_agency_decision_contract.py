"""Intake's partner decisions and payments agree (ADR 0032): payments reads
`intake.ProgrammeDecidedByAgency` through the contract generated from intake (that it reads back
every field intake writes is tests/contract/test_typed_contracts.py's business), knows every way
intake says a programme is settled, and pays each programme the way intake says SafetyNet pays
it."""

from __future__ import annotations

from typing import get_args

import pytest

from intake.domain.programmes import PARTNER_DECISIONS, Settlement
from payments.domain.programmes import Kind, kind_of
from shared.contracts.intake import ProgrammeDecidedByAgency

PAID_BY_SAFETYNET = {Settlement.ONE_OFF: Kind.ONE_OFF, Settlement.PER_PERSON: Kind.PER_PERSON}
"""Payments enrols these settlements; the one other, by_agency, it records as paid by the
partner (payments/reactions/agency_decisions.py)."""


@pytest.mark.req("GEN-2", "INT-4")
def test_payments_knows_every_settlement_intake_can_publish() -> None:
    # given the settlements the contract of intake's event admits
    published = set(get_args(ProgrammeDecidedByAgency.model_fields["settlement"].annotation))
    # then each is one payments enrols or records as paid by the partner, and no other
    assert published == {*PAID_BY_SAFETYNET, Settlement.BY_AGENCY} == set(Settlement)


@pytest.mark.req("PAY-8", "PAY-2")
def test_what_intake_says_safetynet_pays_is_paid_that_way_by_payments() -> None:
    # given the settlement of each partner programme; then payments' own kind agrees with it
    for programme, rule in PARTNER_DECISIONS.items():
        if rule.settlement in PAID_BY_SAFETYNET:
            assert kind_of(programme) is PAID_BY_SAFETYNET[rule.settlement], programme
