"""What payments does when the county grants a child's allowance (PAY-9, ADR 0030): the child is
enrolled as one person paid the allowance's standard every month from the grant's effective
date, into the guardian's account; standard raises are recomputed like every rule amount (PAY-4).
The grant says the last month paid, the month of the age limit (ADR 0042); when the county ends
the allowance early, nothing is paid from the date it names."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import arrears_from, enrol_with, entitlements_since
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled
from payments.domain.entitlement import Household
from shared.contracts.verification import ChildAllowanceAssessed, ChildAllowanceEnded
from shared.eventstore.envelope import Actor, EventMetadata


async def on_child_allowance(
    assessed: ChildAllowanceAssessed,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
    granted_at: datetime,
    approved_by: Actor | None = None,
) -> str:
    """Policy: a grant (recorded at `granted_at`) enrols the child once (a redelivery changes
    nothing); a refusal is not payments' business. The outcome's name. Where no standard is in
    force the child is enrolled awaiting one (ADR 0041), naming `approved_by`."""
    if assessed.decision != "granted" or assessed.effective_from is None:
        return "not-granted"
    aggregate_id = Beneficiary.id_for(assessed.child_id, assessed.allowance)
    beneficiary = await repos.beneficiaries.find(aggregate_id, conn) or Beneficiary(aggregate_id)
    if beneficiary.enrolled is not None:
        return "duplicate"
    since = assessed.effective_from
    county = assessed.county_code
    child = Household(assessed.allowance, 1, 0, None, 0)  # one child, the amount by rule
    computed = await entitlements_since(repos, conn, child, county, since)
    enrolled = BeneficiaryEnrolled(
        case_id=assessed.child_id,
        programme=assessed.allowance,
        division_code=assessed.division_code,
        county_code=assessed.county_code,
        registration=assessed.registration,
        household_size=1,
        assessed_monthly_income_fen=0,
        rural_class=None,
        approved_monthly_amount_fen=0,
        monthly_amount_fen=computed[0][1].monthly_amount_fen,
        effective_from=since,
        payee_name=assessed.payee_name,
        bank_account=assessed.bank_account,
        age_limit=assessed.age_limit,
        age_limit_policy_version=assessed.age_limit_policy_version,
        coming_of_age_period=assessed.coming_of_age_period,
        arrears_from=arrears_from(since, granted_at),
    )
    enrol_with(beneficiary, enrolled, computed, approved_by)
    await repos.beneficiaries.save(beneficiary, metadata, conn, expected_version=0)
    return "enrolled"


async def on_child_allowance_ended(
    ended: ChildAllowanceEnded,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> str:
    """Policy: the county ended the allowance early: the benefit is terminated from the date
    the county's event names (the next month), with its reason, officer and policy; once."""
    aggregate_id = Beneficiary.id_for(ended.child_id, ended.allowance)
    beneficiary = await repos.beneficiaries.find(aggregate_id, conn)
    if beneficiary is None or beneficiary.enrolled is None:  # the grant precedes on the stream
        raise LookupError(f"no beneficiary {aggregate_id} to end")
    why = (
        f"县级终止发放（{ended.reason_code}）：{ended.reason}；依据：{ended.policy_basis}；"
        f"经办：{ended.decided_by} (the county ended the allowance)"
    )
    if not beneficiary.terminate(ended.effective_from, why):
        return "already-ended"
    await repos.beneficiaries.save(beneficiary, metadata, conn)
    return "ended"
