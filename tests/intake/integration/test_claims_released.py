"""INT-9: a claim on a programme lasts while the application is open or the benefit is active.
A partner's one-off is held until payments pays it and ends the benefit; what the partner pays
itself holds nothing once decided; a migrated one-off is freed when payments ends it too."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from payments.application.instruct import ONE_OFF_PAID
from shared.contracts import Contract
from shared.contracts.payments import BeneficiaryTerminated
from shared.contracts.verification import CaseApproved
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from tests.intake.conftest import FRIDAY_MORNING, TODAY, Intake, body
from tests.intake.integration.verification_support import approval_data

MEDICAL = {
    "outcome": "approved",
    "reason": "住院自付费用经核定，符合医疗救助条件",
    "policy_basis": "甘肃省医疗救助办法 第十二条",
    "amount_fen": 300_000,
}
EDUCATION = {
    **MEDICAL,
    "reason": "在校学生，家庭经济困难",
    "policy_basis": "甘肃省教育救助实施办法",
}
ACCOUNT = "6228480012345678901"


def published(contract: Contract, stream_id: str) -> RecordedEvent:
    """An event as its producer publishes it: the contract's own fields, type and version."""
    return RecordedEvent(
        event_id=uuid.uuid4(),
        type=contract.TYPE,
        schema_version=contract.VERSION,
        stream_id=stream_id,
        stream_version=3,
        position=11,
        occurred_at=FRIDAY_MORNING,
        recorded_at=FRIDAY_MORNING,
        data=contract.model_dump(mode="json"),
        metadata=EventMetadata(Actor.system("payments"), "kafka", "发放", None, None, None),
        prev_hash="0" * 64,
        hash="1" * 64,
    )


def one_off_paid(case_id: str, programme: str) -> RecordedEvent:
    """payments.BeneficiaryTerminated as the run records it once a one-off is paid (PAY-8)."""
    ended = BeneficiaryTerminated(
        case_id=case_id,
        programme=programme,
        effective_from=date(TODAY.year + TODAY.month // 12, TODAY.month % 12 + 1, 1),
        reason=ONE_OFF_PAID,
    )
    return published(ended, f"beneficiary-{case_id}:{programme}")


async def _apply(intake: Intake, programmes: list[str]) -> Any:
    async with intake.client() as client:
        return await client.post(
            "/v1/applications",
            json=body(programmes=programmes, bank_account=ACCOUNT),
            headers=intake.headers(),
        )


async def _decide(intake: Intake, case_id: str, programme: str, role: str, decision: Any) -> Any:
    async with intake.client() as client:
        version = await client.get(f"/v1/applications/{case_id}", headers=intake.headers())
        return await client.post(
            f"/v1/applications/{case_id}/programmes/{programme}/decision",
            json=decision,
            headers={**intake.headers(role, "620102"), "If-Match": version.headers["ETag"]},
        )


@pytest.mark.req("INT-9", "PAY-8")
async def test_a_partner_one_off_holds_the_claim_until_payments_has_paid_it(
    intake: Intake,
) -> None:
    # given medical assistance granted by the health insurance bureau, not yet paid
    first = await _apply(intake, ["medical_assistance"])
    case_id = str(first.json()["application_id"])
    await intake.caught_up()
    decided = await _decide(intake, case_id, "medical_assistance", "health_insurance", MEDICAL)
    assert decided.status_code == 200, decided.text
    # then the person cannot apply for it again while it is unpaid
    unpaid = await _apply(intake, ["medical_assistance"])
    assert (unpaid.status_code, unpaid.json()["code"]) == (409, "duplicate-open-application")
    # when payments pays it and ends the benefit
    async with intake.runtime.engine.begin() as conn:
        await intake.runtime.handlers["intake.payments"](
            one_off_paid(case_id, "medical_assistance"), conn
        )
    # then the person may apply again
    again = await _apply(intake, ["medical_assistance"])
    assert again.status_code == 201, again.text


@pytest.mark.req("INT-9", "INT-4")
async def test_what_the_partner_pays_itself_holds_no_claim_once_decided(intake: Intake) -> None:
    # given education assistance the education bureau grants and pays itself (ADR 0032)
    first = await _apply(intake, ["education_assistance"])
    case_id = str(first.json()["application_id"])
    await intake.caught_up()
    decided = await _decide(intake, case_id, "education_assistance", "education_bureau", EDUCATION)
    assert decided.status_code == 200, decided.text
    # then the person may apply for it again at once: SafetyNet holds no benefit of it
    again = await _apply(intake, ["education_assistance"])
    assert again.status_code == 201, again.text


@pytest.mark.req("INT-9", "PAY-8")
async def test_a_migrated_one_off_is_freed_once_payments_has_paid_it(intake: Intake) -> None:
    # given a temporary-assistance household migrated into verification (ADR 0037)
    case_id = str(uuid.uuid4())
    migrated = CaseApproved.model_validate({
        **approval_data(case_id, "temporary_assistance"),
        "migrated": {"migration_id": str(uuid.uuid4()), "source_sha256": "a" * 64, "row": 2,
                     "household_ref": "LD-2025-0002", "policy": "migration"},
    })  # fmt: skip
    async with intake.runtime.engine.begin() as conn:
        await intake.runtime.handlers["intake.verification"](
            published(migrated, f"verification-{case_id}-temporary_assistance"), conn
        )
    held = await _apply(intake, ["temporary_assistance"])
    # when payments pays it and ends the benefit
    async with intake.runtime.engine.begin() as conn:
        await intake.runtime.handlers["intake.payments"](
            one_off_paid(case_id, "temporary_assistance"), conn
        )
    # then the person may apply for temporary assistance again
    again = await _apply(intake, ["temporary_assistance"])
    assert (held.status_code, held.json()["code"]) == (409, "duplicate-open-application")
    assert again.status_code == 201, again.text
