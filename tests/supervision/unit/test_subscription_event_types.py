"""A webhook names event types the services publish: an unknown one (a misspelling) would never
be delivered, so it is refused naming the entry, and the schema lists the types."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.contracts.payments import PaymentSettled
from shared.contracts.verification import CaseApproved
from supervision.subscription_schemas import PUBLISHED_TYPES, SubscriptionCreate

GOOD = {"callback_url": "https://mzj.xiahe.gov.cn/hook", "division_codes": ["623027"]}


def test_an_event_type_no_service_publishes_is_refused_naming_its_entry() -> None:
    accepted = SubscriptionCreate.model_validate(
        {**GOOD, "event_types": [CaseApproved.TYPE, PaymentSettled.TYPE]}
    )
    assert accepted.event_types == [CaseApproved.TYPE, PaymentSettled.TYPE]
    with pytest.raises(ValidationError) as refused:
        SubscriptionCreate.model_validate(
            {**GOOD, "event_types": [CaseApproved.TYPE, "verification.CaseApprovd"]}
        )
    assert [e["loc"] for e in refused.value.errors()] == [("event_types", 1)]


def test_the_schema_lists_every_published_type() -> None:
    schema = SubscriptionCreate.model_json_schema()
    assert schema["properties"]["event_types"]["items"]["enum"] == PUBLISHED_TYPES
    assert {CaseApproved.TYPE, PaymentSettled.TYPE} <= set(PUBLISHED_TYPES)
    assert len(PUBLISHED_TYPES) == len(set(PUBLISHED_TYPES)) > 100
