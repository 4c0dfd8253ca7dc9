"""A partner agency's decision on a programme routed to it (INT-4, ADR 0032): only the programme's
deciding role makes it, and it states what the programme's settlement needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from intake.domain.application_events import Outcome, ProgrammeDecidedByAgency
from intake.domain.programmes import (
    COMPETENT_AGENCY,
    PARTNER_DECISIONS,
    PartnerDecision,
    Programme,
    Settlement,
    deciding_roles_text,
    partner_decision,
)
from shared.domain.errors import DomainError, Forbidden


class DecidedByVerification(DomainError):
    """County civil affairs programmes are decided through verification, not by an agency."""

    code = "decided-by-verification"
    status = 409
    title_en = "This programme is decided through verification"
    title_zh = "该救助项目由县级民政部门经核查审批决定"


class NotTheCompetentAgency(Forbidden):
    """The caller's role is not the one that decides this programme."""

    code = "not-the-competent-agency"
    title_en = "Only the programme's competent agency decides it"
    title_zh = "该救助项目只能由其主管部门作出决定"


class InvalidAgencyDecision(DomainError):
    """The decision lacks, or states in vain, what the programme's settlement needs."""

    code = "invalid-agency-decision"
    title_en = "The decision does not fit how the programme is paid"
    title_zh = "决定内容与该救助项目的发放方式不符"


@dataclass(frozen=True)
class AgencyDecision:
    """What the agency decided, and who decided when (from the token and the service clock)."""

    programme: Programme
    outcome: Outcome
    reason: str
    policy_basis: str
    amount_fen: int | None
    persons: int | None
    decided_by_role: str
    decided_by_staff_id: str
    decided_by_org: str
    decided_on: date


@dataclass(frozen=True)
class Household:
    """What the decision event copies from the application for payments."""

    division_code: str
    registration: str
    size: int
    payee_name: str  # the member who holds the account, else the applicant (ADR 0055)
    bank_account: str | None


def ensure_competent(programme: Programme, role: str) -> PartnerDecision:
    """The programme's rule when `role` decides it; 409 for verification's programmes, else 403
    naming the role that decides it."""
    rule = partner_decision(programme)
    if rule is None:
        raise DecidedByVerification(
            f"{programme} is decided by county civil affairs through verification",
            f"{programme} 由县级民政部门经核查审批决定",
            field="programme",
        )
    if role != rule.deciding_role:
        raise NotTheCompetentAgency(
            f"{programme} is decided only by the role {rule.deciding_role}, not {role}",
            f"{programme} 只能由角色 {rule.deciding_role} 作出决定，角色 {role} 无权决定",
            programme=str(programme),
            required_role=rule.deciding_role,
            role=role,
        )
    return rule


def not_a_deciding_role(role: str) -> NotTheCompetentAgency:
    """The refusal of a role that decides no programme at all (the access table's)."""
    return NotTheCompetentAgency(
        f"role {role} decides no programme; each is decided only by its role: "
        f"{deciding_roles_text()}",
        f"角色 {role} 无权作出救助决定；各救助项目的决定角色：{deciding_roles_text()}",
        role=role,
        required_roles={str(p): r.deciding_role for p, r in PARTNER_DECISIONS.items()},
    )


def check_statement(rule: PartnerDecision, decision: AgencyDecision, household_size: int) -> None:
    """422 naming the field when the amount or the persons do not fit the settlement."""
    approved = decision.outcome == Outcome.APPROVED
    needs_amount = approved and rule.settlement is Settlement.ONE_OFF
    may_state_amount = approved and rule.settlement is not Settlement.PER_PERSON
    needs_persons = approved and rule.settlement is Settlement.PER_PERSON
    if needs_amount and not decision.amount_fen:
        _invalid("amount_fen", "an approved one-off programme is paid the amount decided: state it")
    if decision.amount_fen is not None and not may_state_amount:
        _invalid("amount_fen", "no amount here: rejected, or paid at the standard per person")
    if (decision.amount_fen or 0) > rule.ceiling_fen:
        _invalid("amount_fen", f"at most {rule.ceiling_fen} fen for one household's decision")
    if needs_persons and not 1 <= (decision.persons or 0) <= household_size:
        _invalid("persons", f"the persons approved, 1 to the household's {household_size}")
    if decision.persons is not None and not needs_persons:
        _invalid("persons", "persons are stated only when approving a per-person subsidy")


def frees_claim(decision: AgencyDecision, rule: PartnerDecision) -> bool:
    """INT-9: whether the decision ends the person's claim on the programme at once: a rejection,
    or an approval the agency pays or provides itself (SafetyNet then holds no benefit of it). A
    programme SafetyNet pays holds its claim until payments ends the benefit."""
    return decision.outcome == Outcome.REJECTED or rule.settlement is Settlement.BY_AGENCY


def _invalid(field: str, detail: str) -> None:
    raise InvalidAgencyDecision(
        f"{field}: {detail}", f"{field}：决定内容与发放方式不符", field=field
    )


def decided_event(
    application_id: str, decision: AgencyDecision, rule: PartnerDecision, household: Household
) -> ProgrammeDecidedByAgency:
    """The event; whom to pay only when SafetyNet pays an approved programme."""
    paid_here = decision.outcome == Outcome.APPROVED and rule.settlement is not Settlement.BY_AGENCY
    return ProgrammeDecidedByAgency(
        application_id=application_id,
        programme=decision.programme,
        agency=COMPETENT_AGENCY[decision.programme],
        outcome=decision.outcome,
        reason=decision.reason,
        policy_basis=decision.policy_basis,
        decided_by_role=decision.decided_by_role,
        decided_by_staff_id=decision.decided_by_staff_id,
        decided_by_org=decision.decided_by_org,
        decided_on=decision.decided_on,
        division_code=household.division_code,
        registration=household.registration,
        household_size=household.size,
        settlement=rule.settlement,
        amount_fen=decision.amount_fen,
        persons=decision.persons,
        payee_name=household.payee_name if paid_here else None,
        bank_account=household.bank_account if paid_here else None,
    )
