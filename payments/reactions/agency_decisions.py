"""What payments does when a partner agency decides a programme (ADR 0032): a programme SafetyNet
pays is enrolled (a one-off paid once in the next run, a per-person subsidy monthly); one the
agency pays itself is recorded in the household's history."""

from __future__ import annotations

import contextlib
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import arrears_from, enrol_with, entitlements_since
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled
from payments.domain.entitlement import Computed, Household
from payments.domain.paid_by_partner import PaidByPartnerRecorded, paid_by_partner_stream
from shared.contracts.intake import ProgrammeDecidedByAgency
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata


async def on_agency_decision(
    decision: ProgrammeDecidedByAgency,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
    decided_at: datetime,
    approved_by: Actor | None = None,
) -> str:
    """Policy: an approval (recorded at `decided_at`) is enrolled or recorded as paid by the
    partner; a rejection is not payments' business. The outcome's name (a redelivery changes
    nothing). A per-person amount where no standard is in force is enrolled awaiting one (ADR
    0041), naming `approved_by`."""
    if decision.outcome != "approved":
        return "not-approved"
    if decision.settlement == "by_agency":
        return await _record_paid_by_partner(decision, metadata, repos, conn)
    return await _enrol(decision, metadata, repos, conn, decided_at, approved_by)


async def _enrol(
    decision: ProgrammeDecidedByAgency,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
    decided_at: datetime,
    approved_by: Actor | None,
) -> str:
    aggregate_id = Beneficiary.id_for(decision.application_id, decision.programme)
    beneficiary = await repos.beneficiaries.find(aggregate_id, conn) or Beneficiary(aggregate_id)
    if beneficiary.enrolled is not None:
        return "duplicate"
    computed = await _entitlement(decision, repos, conn)
    enrolled = BeneficiaryEnrolled(
        case_id=decision.application_id,
        programme=decision.programme,
        division_code=decision.division_code,
        county_code=decision.division_code[:6],
        registration=decision.registration,
        household_size=decision.household_size,
        assessed_monthly_income_fen=0,
        rural_class=None,
        approved_monthly_amount_fen=decision.amount_fen or 0,  # > 0: never recomputed
        monthly_amount_fen=computed[0][1].monthly_amount_fen,
        effective_from=decision.decided_on,
        payee_name=decision.payee_name or "",
        bank_account=decision.bank_account,
        eligible_persons=decision.persons,
        arrears_from=arrears_from(decision.decided_on, decided_at),
    )
    enrol_with(beneficiary, enrolled, computed, approved_by)
    await repos.beneficiaries.save(beneficiary, metadata, conn, expected_version=0)
    return "enrolled"


async def _entitlement(
    decision: ProgrammeDecidedByAgency, repos: Repositories, conn: AsyncConnection
) -> list[tuple[date, Computed]]:
    """The amount the agency decided (one-off), or the standard × the persons it approved, from
    the decision's day (and each later version of the standard)."""
    on = decision.decided_on
    if decision.amount_fen:
        return [(on, _decided_amount(decision, decision.amount_fen))]
    household = Household(
        decision.programme,
        decision.household_size,
        0,
        None,
        0,
        eligible_persons=decision.persons,
    )
    return await entitlements_since(repos, conn, household, decision.division_code[:6], on)


def _decided_amount(decision: ProgrammeDecidedByAgency, amount: int) -> Computed:
    """The one-off amount the agency decided, never recomputed."""
    return Computed(
        amount,
        "agency_decision",
        f"{decision.programme}: {amount} fen decided by {decision.decided_by_org}"
        f" under {decision.policy_basis}",
        f"{decision.programme}：{decision.decided_by_org}依据{decision.policy_basis}"
        f"决定金额{amount}分",
        None,
    )


async def _record_paid_by_partner(
    decision: ProgrammeDecidedByAgency,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> str:
    event = PaidByPartnerRecorded(
        case_id=decision.application_id,
        programme=decision.programme,
        agency=decision.agency,
        division_code=decision.division_code,
        county_code=decision.division_code[:6],
        decided_on=decision.decided_on,
        amount_fen=decision.amount_fen,
        decided_by_org=decision.decided_by_org,
        policy_basis=decision.policy_basis,
        reason=decision.reason,
    )
    new = repos.payments.registry.serialize(event, metadata)
    stream = paid_by_partner_stream(decision.application_id, decision.programme)
    with contextlib.suppress(ConcurrencyConflict):  # recorded already
        await repos.payments.store.append(stream, [new], 0, conn)
        return "recorded"
    return "duplicate"
