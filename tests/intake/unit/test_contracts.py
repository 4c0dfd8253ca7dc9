"""The cross-service contracts in docs/events/intake/ keep their fields (GEN-2)."""

from __future__ import annotations

import json

import pytest

from services.event_schemas import EVENTS

CONTRACT_FIELDS = {
    "intake.ApplicationSubmitted.v1.json": {
        "application_id", "division_code", "registration", "programmes", "members",
        "declared_monthly_income_fen", "declared_assets_fen", "authorisation", "channel",
        "bank_account", "bank_account_holder",  # SUP-3: optional, additive (null when absent)
        # INT-7: optional, additive: the urgent case followed up and its verification due date
        "urgent_case_id", "verification_due", "prior_assistance_programme",
    },
    "intake.PriorAssistanceGranted.v1.json": {
        "case_id", "programme", "amount_fen", "division_code", "resident_id", "bank_account",
        "verification_due", "follow_up_programmes",
        "persons",  # additive: payments' per-person cap (absent in older events: 1)
        "granted_on", "cap_fen", "follow_up_application_id",  # additive (INT-7)
        "payee_name",  # additive: the account holder the bank pays (older events: none)
    },
}  # fmt: skip
OPTIONAL = {
    "bank_account", "bank_account_holder", "persons", "urgent_case_id", "verification_due",
    "prior_assistance_programme", "granted_on", "cap_fen", "follow_up_application_id",
    "payee_name",
}  # fmt: skip


@pytest.mark.req("GEN-2", "INT-7")
def test_the_cross_service_contracts_keep_their_fields() -> None:
    # given the contracts every service codes against; then their fields are exactly those
    generated = {
        name: json.loads((EVENTS / "intake" / name).read_text(encoding="utf-8"))
        for name in CONTRACT_FIELDS
    }
    for name, fields in CONTRACT_FIELDS.items():
        assert set(generated[name]["properties"]) == fields, name
        assert set(generated[name]["required"]) >= fields - OPTIONAL, name
        assert not set(generated[name]["required"]) & {"bank_account_holder"}, name
