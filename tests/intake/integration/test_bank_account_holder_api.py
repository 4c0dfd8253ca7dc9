"""INT-2, SUP-3: an application may name its bank account's holder; outputs mask the holder's ID."""

from __future__ import annotations

import pytest

from intake.domain.application import ApplicationSubmitted, BankAccountHolder
from shared.eventstore.envelope import RecordedEvent
from shared.identity import check_char
from tests.intake.conftest import Intake, body
from tests.verification.support import recorded

ACCOUNT = "6222020200112233445"
OUTSIDER = "62010219700101123" + check_char("62010219700101123")  # not a household member


@pytest.mark.req("INT-2", "SUP-3")
async def test_the_account_holder_is_recorded_on_the_event_and_shown_masked(
    intake: Intake,
) -> None:
    holder = {"name": "李四", "resident_id": OUTSIDER.lower()}
    # when an application names an account holder outside the household
    async with intake.client() as client:
        created = await client.post(
            "/v1/applications",
            json=body(bank_account=ACCOUNT, bank_account_holder=holder),
            headers=intake.headers(),
        )
        assert created.status_code == 201, created.text
        await intake.caught_up()
        read = await client.get(
            f"/v1/applications/{created.json()['application_id']}", headers=intake.headers()
        )
    # then intake.ApplicationSubmitted carries the holder (ID validated and normalised)
    submitted = (await intake.events_of("intake.ApplicationSubmitted"))[0]["data"]
    assert submitted["bank_account_holder"] == {"name": "李四", "resident_id": OUTSIDER.upper()}
    # and it round-trips through the registry: stored data → domain event → the same data
    registry = intake.runtime.registry
    loaded = registry.deserialize(_recorded(submitted))
    assert loaded.bank_account_holder == BankAccountHolder("李四", OUTSIDER.upper())
    assert registry.serialize(loaded, _recorded(submitted).metadata).data == submitted
    # and both the command's answer and the read model show the holder's ID masked only
    expected = {"name": "李四", "resident_id_masked": OUTSIDER[:3] + "*" * 11 + OUTSIDER[-4:]}
    for answer in (created, read):
        assert answer.status_code in (200, 201), answer.text
        assert answer.json()["bank_account_holder"] == expected
        assert OUTSIDER.upper() not in answer.text and OUTSIDER.lower() not in answer.text


@pytest.mark.req("INT-2", "SUP-3")
async def test_the_holder_is_optional_and_old_events_without_it_still_load(intake: Intake) -> None:
    async with intake.client() as client:
        created = await client.post("/v1/applications", json=body(), headers=intake.headers())
        bad = await client.post(
            "/v1/applications",
            json=body(bank_account_holder={"name": "李四", "resident_id": "110105194912310021"}),
            headers=intake.headers(),
        )
    # an application without a holder records null and shows null
    assert created.status_code == 201 and created.json()["bank_account_holder"] is None
    data = (await intake.events_of("intake.ApplicationSubmitted"))[0]["data"]
    assert data["bank_account_holder"] is None
    # an invalid holder ID is refused, naming the field
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"body.bank_account_holder.resident_id"}
    # and an event written before the field existed deserializes with no holder
    old = {k: v for k, v in data.items() if k != "bank_account_holder"}
    loaded = intake.runtime.registry.deserialize(_recorded(old))
    assert isinstance(loaded, ApplicationSubmitted) and loaded.bank_account_holder is None


def _recorded(data: dict) -> RecordedEvent:
    return recorded("intake.ApplicationSubmitted", data, data["application_id"])
