"""Enrolment and entitlement changes driven by verification's decisions (PAY-2)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.periods import next_period_start, period_start
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled, EntitlementCalculated
from payments.domain.entitlement import Computed, Household, compute, compute_since
from payments.domain.programmes import Kind, eligible_persons, kind_of
from payments.domain.standards import PROVINCE, Standard, StandardSet
from shared.clock import CHINA, period_of
from shared.contracts.verification import CaseApproved
from shared.domain.payee import payee_name
from shared.eventstore.envelope import Actor, EventMetadata


async def enrol_approved_case(
    approved: CaseApproved,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
    decided_at: datetime,
    approved_by: Actor | None = None,
) -> bool:
    """verification.CaseApproved (recorded at `decided_at`) → BeneficiaryEnrolled +
    EntitlementCalculated (idempotent); by rule where no standard is in force, also
    BeneficiaryAwaitingStandard naming `approved_by`."""
    aggregate_id = Beneficiary.id_for(approved.case_id, approved.programme)
    beneficiary = await repos.beneficiaries.find(aggregate_id, conn) or Beneficiary(aggregate_id)
    if beneficiary.enrolled is not None:
        return False
    effective_from = approved.effective_from
    household = _household(approved)
    county = approved.county_code
    computed = await entitlements_since(repos, conn, household, county, effective_from)
    enrolled = BeneficiaryEnrolled(
        case_id=approved.case_id,
        programme=approved.programme,
        division_code=approved.division_code,
        county_code=approved.county_code,
        registration=approved.registration,
        household_size=household.household_size,
        assessed_monthly_income_fen=household.assessed_monthly_income_fen,
        rural_class=household.rural_class,
        approved_monthly_amount_fen=household.approved_monthly_amount_fen,
        monthly_amount_fen=computed[0][1].monthly_amount_fen,
        effective_from=effective_from,
        payee_name=payee_name(approved.members, approved.bank_account_holder_resident_id),
        bank_account=approved.bank_account,
        self_care=household.self_care,
        eligible_persons=household.eligible_persons,
        members_self_care=household.members_self_care,
        arrears_from=arrears_from(effective_from, decided_at, approved.migrated is not None),
        stopped_by_its_case=True,
    )
    enrol_with(beneficiary, enrolled, computed, approved_by)
    await repos.beneficiaries.save(beneficiary, metadata, conn, expected_version=0)
    return True


async def entitlements_since(
    repos: Repositories, conn: AsyncConnection, household: Household, county: str, since: date
) -> list[tuple[date, Computed]]:
    """An enrolment's entitlements: from `since` and from each later version of the county's
    (or the province's) standard (`compute_since`)."""
    standard = await local_standard(repos, conn, county, household.programme)
    return compute_since(household, standard, county, since)


def enrol_with(
    beneficiary: Beneficiary,
    enrolled: BeneficiaryEnrolled,
    computed: list[tuple[date, Computed]],
    approved_by: Actor | None,
) -> None:
    """Enrol with the first entitlement (awaiting a standard, naming `approved_by`, when none is
    in force on its date), then record each later one."""
    (since, first), *later = computed
    beneficiary.enrol(enrolled, entitlement_of(enrolled, first, since), who_approved(approved_by))
    for day, entitlement in later:
        beneficiary.recalculate(entitlement_of(enrolled, entitlement, day))


def arrears_from(effective_from: date, decided_at: datetime, migrated: bool = False) -> date:
    """From when a month no run paid is owed as back pay (ADR 0061): the month of the decision,
    never before the benefit's effective date. A migrated caseload's old system paid up to its
    migration, so its arrears run from the month after."""
    decided = period_of(decided_at.astimezone(CHINA).date())
    start = next_period_start(decided) if migrated else period_start(decided)
    return max(effective_from, start)


def who_approved(actor: Actor | None) -> tuple[str, str]:
    """The approval's actor as a beneficiary awaiting a standard records it: (id, role)."""
    return (actor.id, actor.role) if actor else ("", "")


async def local_standard(
    repos: Repositories, conn: AsyncConnection, county: str, programme: str
) -> Standard | None:
    """The county's standard for the programme, or the provincial guidance when it has none."""
    own = await repos.standards.find(Standard.id_for(county, programme), conn)
    return own or await repos.standards.find(Standard.id_for(PROVINCE, programme), conn)


async def standard_in_force(
    repos: Repositories, conn: AsyncConnection, county: str, programme: str, on: date
) -> StandardSet | None:
    """The version of the county's (or the province's) standard in force on a day, if any."""
    standard = await local_standard(repos, conn, county, programme)
    return standard.in_force(on) if standard else None


def household_of(enrolled: BeneficiaryEnrolled) -> Household:
    """The household as enrolled, for recomputing its entitlement."""
    return Household(
        enrolled.programme,
        enrolled.household_size,
        enrolled.assessed_monthly_income_fen,
        enrolled.rural_class,
        enrolled.approved_monthly_amount_fen,
        enrolled.self_care,
        enrolled.eligible_persons,
        enrolled.members_self_care,
    )


def entitlement_of(
    enrolled: BeneficiaryEnrolled, computed: Computed, effective_from: date
) -> EntitlementCalculated:
    """The EntitlementCalculated event for a computation."""
    return EntitlementCalculated(
        case_id=enrolled.case_id,
        programme=enrolled.programme,
        monthly_amount_fen=computed.monthly_amount_fen,
        effective_from=effective_from,
        method=computed.method,
        standard_fen=computed.standard_fen,
        explanation_en=computed.explanation_en,
        explanation_zh=computed.explanation_zh,
    )


def recomputed(
    enrolled: BeneficiaryEnrolled, standard: StandardSet, household_size: int | None = None
) -> Computed:
    """The entitlement under a (new) standard, ignoring a fixed amount approved by the county;
    `household_size`: the members alive, when a death changed it (ADR 0066)."""
    household = household_of(enrolled)
    return compute(
        Household(
            household.programme,
            household_size or household.household_size,
            household.assessed_monthly_income_fen,
            household.rural_class,
            0,
            household.self_care,
            household.eligible_persons,
            household.members_self_care,
        ),
        standard,
    )


def _household(approved: CaseApproved) -> Household:
    """The household as approved; each member's self-care as the approval names it (VER-8)."""
    return Household(
        programme=approved.programme,
        household_size=approved.household_size,
        assessed_monthly_income_fen=approved.assessed_monthly_income_fen,
        rural_class=approved.rural_class,
        approved_monthly_amount_fen=fixed_amount_of(approved),
        eligible_persons=_eligible(approved),
        members_self_care=tuple(m.self_care for m in approved.members if m.self_care),
    )


def fixed_amount_of(approved: CaseApproved) -> int:
    """The county's override, or 0 when the amount is by rule (`amount_basis`, VER-7); approvals
    without the basis (recorded before it existed) read 0 as rule and any other amount as fixed."""
    if approved.amount_basis == "rule":
        return 0
    return approved.approved_monthly_amount_fen


def _eligible(approved: CaseApproved) -> int | None:
    """Per-person programmes: the members the fixed amount is paid for (PAY-2). Each member is
    handed on with the fields the approval carried (a grade absent is not a grade of none)."""
    if kind_of(approved.programme) is not Kind.PER_PERSON:
        return None
    members = [m.model_dump(exclude_unset=True) for m in approved.members]
    return eligible_persons(approved.programme, members, approved.effective_from)
