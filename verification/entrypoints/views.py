"""Response models built from aggregates: personal data masked, health never shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

from shared.privacy import mask_resident_id
from verification.application.service import Policy
from verification.domain.batch import CountyBatch, full_sample
from verification.domain.case import VerificationCase
from verification.domain.decision_events import amount_basis_of
from verification.domain.policy import due_dates


class MemberView(BaseModel):
    """A household member with the resident ID masked."""

    resident_id_masked: str
    name: str
    relation: str


class DeathView(BaseModel):
    """A death a partner department reported for a member."""

    resident_id_masked: str
    relation: str
    died_on: date
    reported_by_department: str
    source_ref: str


class CaseDetail(BaseModel):
    """One programme's verification file, as the event stream says now."""

    case_id: str
    programme: str
    version: int
    stage: str
    division_code: str
    household_size: int
    members: list[MemberView]
    evidence_sources_answered: int
    evidence_sources_expected: int
    assessed_monthly_income_fen: int | None
    differences: list[str]
    investigated: bool
    appraised: bool
    proposed_monthly_amount_fen: int | None
    batch_id: str | None
    notice_period_ends_on: date | None
    notice_period_days: int | None = None  # the period the notice used (VER-6)
    notice_policy_version: int | None = None  # its policy setting's version (0: the default)
    approved_monthly_amount_fen: int  # 0 when approved by rule: payments computes the amount
    amount_basis: str | None = None  # rule | override, once approved (VER-7)
    override_reason: str | None = None  # why the county fixed the amount
    overridden_by: str | None = None
    overdue: list[str]
    clocks: dict[str, date]
    priority_flags: list[str]
    deaths_reported: list[DeathView] = []  # by a partner department (VER-7)
    deceased_members_masked: list[str] = []  # reported dead by a report or a verification answer
    declared_relative: bool = False  # INT-10: always spot-checked, decided by the county only
    decide_by: date | None = None  # green channel (INT-7): due 5 working days after the grant


def case_detail(case: VerificationCase, policy: Policy) -> CaseDetail:
    """The detail view of a case aggregate, with its working-day clocks (VER-9)."""
    opened = case.opened
    assert opened is not None
    proposed_on = case.proposal.submitted_on if case.proposal else None
    clocks = (
        due_dates(
            policy.calendar,
            opened.opened_on,
            proposed_on,
            policy.deadlines,
            case.extended,
            case.decide_by,
        )
        if opened.opened_on
        else {}
    )
    return CaseDetail(
        case_id=opened.case_id,
        programme=opened.programme,
        version=case.version,
        stage=str(case.stage),
        division_code=opened.division_code,
        household_size=opened.household_size,
        members=[
            MemberView(
                resident_id_masked=mask_resident_id(m.resident_id), name=m.name, relation=m.relation
            )
            for m in opened.members
        ],
        evidence_sources_answered=len(case.evidence),
        evidence_sources_expected=len(opened.members) * 8,
        assessed_monthly_income_fen=(
            case.verified.assessed_monthly_income_fen if case.verified else None
        ),
        differences=list(case.verified.differences) if case.verified else [],
        investigated=case.investigated,
        appraised=case.appraised,
        proposed_monthly_amount_fen=(
            case.proposal.proposed_monthly_amount_fen if case.proposal else None
        ),
        batch_id=case.batch_id,
        notice_period_ends_on=case.notice.period_ends_on if case.notice else None,
        notice_period_days=case.notice.period_days if case.notice else None,
        notice_policy_version=case.notice.policy_version if case.notice else None,
        approved_monthly_amount_fen=case.amount_fen,
        amount_basis=_amount_basis(case),
        override_reason=case.approved.override_reason if case.approved else None,
        overridden_by=case.approved.overridden_by if case.approved else None,
        overdue=sorted(case.overdue),
        clocks=clocks,
        priority_flags=[f"{f.flag}:{mask_resident_id(f.resident_id)}" for f in case.flags],
        deaths_reported=[
            DeathView(
                resident_id_masked=mask_resident_id(d.resident_id),
                relation=d.relation,
                died_on=d.died_on,
                reported_by_department=d.reported_by_department,
                source_ref=d.source_ref,
            )
            for d in case.deaths.values()
        ],
        deceased_members_masked=[mask_resident_id(r) for r in case.deceased_residents()],
        declared_relative=case.declared_relative,
        decide_by=case.decide_by,
    )


class BatchView(BaseModel):
    """A county batch: its households, the seed, the sample and which were visited."""

    batch_id: str
    version: int
    county_code: str
    township_code: str
    households: list[str]
    rate: str
    sample_size: int
    seed: str
    sample: list[str]
    visited: list[str]
    complete: bool
    rederived_sample_matches: bool
    policy_version: int | None = None  # the spot_check_rate setting in force (0: the default)
    policy_rate: str | None = None  # the rate it required; `rate` may be higher
    declared_relatives: list[str] = Field(
        default_factory=list,
        description="近亲属备案：households always sampled beyond the random draw (INT-10)",
    )


def batch_view(batch: CountyBatch) -> BatchView:
    """The batch view, with the sample re-derived from the recorded seed for auditors."""
    drawn = batch.drawn
    assert drawn is not None

    again = full_sample(
        drawn.seed, list(drawn.households), Decimal(drawn.rate), drawn.declared_relatives
    )
    return BatchView(
        batch_id=drawn.batch_id,
        version=batch.version,
        county_code=drawn.county_code,
        township_code=drawn.township_code,
        households=list(drawn.households),
        rate=drawn.rate,
        sample_size=len(drawn.sample),
        seed=drawn.seed,
        sample=list(drawn.sample),
        visited=sorted(batch.visited),
        complete=batch.complete,
        rederived_sample_matches=again == drawn.sample,
        policy_version=drawn.policy_version,
        policy_rate=drawn.policy_rate,
        declared_relatives=list(drawn.declared_relatives),
    )


def _amount_basis(case: VerificationCase) -> str | None:
    """rule | override as approved; override once an adjustment or resumption fixed the amount
    (payments then pays it as the county's, method `approved`)."""
    if case.approved is None:
        return None
    return "override" if case.amount_set_since_approval else amount_basis_of(case.approved)
