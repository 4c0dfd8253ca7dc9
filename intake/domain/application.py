"""The application aggregate: a household asks for one or more programmes at the one door."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from intake.domain.agency_decision import (
    AgencyDecision,
    Household,
    check_statement,
    decided_event,
    ensure_competent,
)
from intake.domain.application_events import (
    ApplicationAmended,
    ApplicationWithdrawn,
    Outcome,
    ProgrammeDecided,
    ProgrammeDecidedByAgency,
    ProgrammeRouted,
    StaffRelativeDeclared,
)
from intake.domain.programmes import COMPETENT_AGENCY, Programme, detail_problem
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.domain.payee import payee_name
from shared.eventstore.registry import EventRegistry, event_type

# *default*: a household's signed authorisation covers checks of its circumstances for a year
AUTHORISATION_VALIDITY = timedelta(days=365)


class Relation(StrEnum):
    """A member's relation to the applicant."""

    SELF = "self"
    SPOUSE = "spouse"
    CHILD = "child"
    PARENT = "parent"
    GRANDPARENT = "grandparent"
    GRANDCHILD = "grandchild"
    SIBLING = "sibling"
    OTHER = "other"


class Registration(StrEnum):
    """Household registration (户籍) type."""

    URBAN = "urban"
    RURAL = "rural"


class SubmissionChannel(StrEnum):
    """How the application reached the township office."""

    COUNTER = "counter"  # 窗口受理
    ASSISTED_BY_VILLAGE_COMMITTEE = "assisted_by_village_committee"  # 村（居）委会代为提交
    ONLINE = "online"


@dataclass(frozen=True)
class Member:
    """A household member as declared (resident ID already validated by GB 11643)."""

    resident_id: str
    name: str
    relation: Relation
    disability_grade: int | None = None
    health: str | None = None
    work: str | None = None
    schooling: str | None = None


@dataclass(frozen=True)
class Authorisation:
    """The household's signed authorisation for economic verification (GEN-7, VER-1)."""

    signed_by_resident_id: str
    signed_on: date
    document_ref: str


@dataclass(frozen=True)
class BankAccountHolder:
    """Who holds the bank account the benefit is paid into, when the office recorded it (SUP-3)."""

    name: str
    resident_id: str  # validated by GB 11643 at the API


@event_type("intake.ApplicationSubmitted", version=1)
@dataclass(frozen=True)
class ApplicationSubmitted:
    """A township office accepted and registered a household's application."""

    application_id: str
    division_code: str
    registration: Registration
    programmes: tuple[Programme, ...]
    members: tuple[Member, ...]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    authorisation: Authorisation
    channel: SubmissionChannel
    bank_account: str | None = None
    bank_account_holder: BankAccountHolder | None = None  # optional: older events carry none
    # INT-7 (additive): the follow-up application of an urgent case names it; when assistance was
    # granted first, verification must decide by the grant's date (5 working days after it)
    urgent_case_id: str | None = None
    verification_due: date | None = None
    prior_assistance_programme: str | None = None


class InvalidApplication(DomainError):
    """The application as a whole breaks a rule (field-level errors are caught by the schema)."""

    code = "invalid-application"
    title_en = "The application is incomplete or inconsistent"
    title_zh = "申请材料不完整或前后矛盾"


class ApplicationClosed(DomainError):
    """The application was withdrawn or every programme is decided: it cannot change any more."""

    code = "application-closed"
    status = 409
    title_en = "The application is closed"
    title_zh = "该申请已办结或已撤回"


class ProgrammeNotPending(DomainError):
    """The programme was not requested, or is already decided."""

    code = "programme-not-pending"
    status = 409
    title_en = "The programme is not awaiting a decision"
    title_zh = "该救助项目不在待决定状态"


class Application(Aggregate):
    """One household's application; its id is the case id every service uses."""

    stream_prefix = "application"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.submitted: ApplicationSubmitted | None = None
        self.outcomes: dict[str, str | None] = {}
        self.withdrawn = False
        self.bank_account: str | None = None  # as submitted, or as last amended

    @property
    def open(self) -> bool:
        """True while withdrawal and amendments are possible (some programme still pending)."""
        return not self.withdrawn and any(o is None for o in self.outcomes.values())

    @property
    def division_code(self) -> str:
        """The household's division of residence, where the application was made."""
        return self._submission().division_code

    def submit(
        self,
        submission: ApplicationSubmitted,
        today: date,
        declarations: tuple[StaffRelativeDeclared, ...] = (),
        details: Mapping[Programme, Mapping[str, str]] | None = None,
    ) -> None:
        """Register once, route every programme to its agency, file staff-relative declarations."""
        if self.submitted is not None:
            raise InvalidApplication(
                f"application {self.id} is already registered", "该申请已登记，不能重复登记"
            )
        _check_household(submission)
        _check_authorisation(submission.authorisation, today)
        _check_details(submission.programmes, details or {})
        self.record(submission)
        for programme in submission.programmes:
            self.record(
                ProgrammeRouted(
                    application_id=self.id,
                    programme=programme,
                    agency=COMPETENT_AGENCY[programme],
                    division_code=submission.division_code,
                    competent_division=submission.division_code[:6],
                    details=dict((details or {}).get(programme, {})),
                )
            )
        for declaration in declarations:
            self.declare_staff_relative(declaration)

    def declare_staff_relative(self, declaration: StaffRelativeDeclared) -> None:
        """INT-10: a member is a close relative of a cadre or civil affairs staff member."""
        members = {m.resident_id for m in self._submission().members}
        if declaration.member_resident_id not in members:
            raise InvalidApplication(
                "the declared relative must be a member of the household",
                "备案的近亲属必须是本户家庭成员",
                field="staff_relatives.member_resident_id",
            )
        self.record(declaration)

    def decide(self, programme: str, outcome: Outcome, decided_by: str, reason: str) -> None:
        """Track a decision made elsewhere (verification's) on one programme (INT-4)."""
        self._ensure_pending(programme)
        self.record(ProgrammeDecided(self.id, programme, outcome, decided_by, reason))

    def decide_by_agency(self, decision: AgencyDecision) -> None:
        """The programme's competent agency decides it, by its own role only (ADR 0032)."""
        self._ensure_pending(decision.programme)
        rule = ensure_competent(decision.programme, decision.decided_by_role)
        submitted = self._submission()
        check_statement(rule, decision, len(submitted.members))
        household = Household(
            submitted.division_code,
            submitted.registration,
            len(submitted.members),
            payee_name(submitted.members, _holder_of(submitted, self.bank_account)),
            self.bank_account,
        )
        self.record(decided_event(self.id, decision, rule, household))

    def _ensure_pending(self, programme: str) -> None:
        if self.outcomes.get(programme, "missing") is not None or self.withdrawn:
            raise ProgrammeNotPending(
                f"programme {programme} is not awaiting a decision on application {self.id}",
                f"申请 {self.id} 的救助项目 {programme} 不在待决定状态",
                programme=programme,
            )

    def amend(self, amendment: ApplicationAmended) -> None:
        """Correct the declared income, assets or bank account while the application is open."""
        self._ensure_open()
        self.record(amendment)

    def withdraw(self, reason: str) -> None:
        """The household withdraws the application while some programme is still pending."""
        self._ensure_open()
        self.record(ApplicationWithdrawn(self.id, reason))

    def _ensure_open(self) -> None:
        if not self.open:
            raise ApplicationClosed(
                f"application {self.id} is withdrawn or fully decided",
                f"申请 {self.id} 已撤回或已全部办结",
            )

    def _submission(self) -> ApplicationSubmitted:
        assert self.submitted is not None, "apply only to a submitted application"
        return self.submitted

    def when_ApplicationSubmitted(self, event: ApplicationSubmitted) -> None:
        self.submitted = event
        self.bank_account = event.bank_account

    def when_ProgrammeRouted(self, event: ProgrammeRouted) -> None:
        self.outcomes[event.programme] = None

    def when_ProgrammeDecided(self, event: ProgrammeDecided) -> None:
        self.outcomes[event.programme] = event.outcome

    def when_ProgrammeDecidedByAgency(self, event: ProgrammeDecidedByAgency) -> None:
        self.outcomes[event.programme] = event.outcome

    def when_StaffRelativeDeclared(self, event: StaffRelativeDeclared) -> None:
        pass  # the declaration changes no rule of the application; verification scrutinises it

    def when_ApplicationAmended(self, event: ApplicationAmended) -> None:
        if event.bank_account is not None:  # None: the account was not amended
            self.bank_account = event.bank_account

    def when_ApplicationWithdrawn(self, event: ApplicationWithdrawn) -> None:
        self.withdrawn = True


def _check_details(
    programmes: tuple[Programme, ...], details: Mapping[Programme, Mapping[str, str]]
) -> None:
    for programme, options in details.items():
        field = f"programme_details.{programme}"
        if programme not in programmes:
            raise InvalidApplication(
                f"{field}: details given for a programme not requested",
                f"{field}：未申请该救助项目，不能填写其明细",
                field=field,
            )
        for key, value in options.items():
            problem = detail_problem(programme, key, value)
            if problem:
                raise InvalidApplication(
                    f"{field}.{key}: {problem}",
                    f"{field}.{key}：取值不符合该救助项目的选项",
                    field=f"{field}.{key}",
                )


def _check_authorisation(authorisation: Authorisation, today: date) -> None:
    """The authorisation was signed on a real day: not after today, nor so long ago that the
    household's consent has lapsed (AUTHORISATION_VALIDITY)."""
    if not today - AUTHORISATION_VALIDITY <= authorisation.signed_on <= today:
        raise InvalidApplication(
            f"authorisation.signed_on must lie between {today - AUTHORISATION_VALIDITY} and"
            f" today ({today})",
            f"授权书签署日期须在{today - AUTHORISATION_VALIDITY}至今日（{today}）之间",
            field="authorisation.signed_on",
        )


def _check_household(submission: ApplicationSubmitted) -> None:
    """One household, one applicant, signed by a member, each programme once: a refusal names
    the field it is about (the second occurrence where something repeats)."""
    ids = [m.resident_id for m in submission.members]
    if (twice := _second_of(ids)) is not None:
        raise InvalidApplication(
            f"members.{twice}.resident_id appears twice in the household",
            f"members.{twice}.resident_id 在家庭成员中重复出现",
            field=f"members.{twice}.resident_id",
        )
    if [m.relation for m in submission.members].count(Relation.SELF) != 1:
        raise InvalidApplication(
            "exactly one member must be the applicant (relation 'self')",
            "家庭成员中必须有且只有一名申请人（关系为“本人”）",
            field="members",
        )
    if submission.authorisation.signed_by_resident_id not in ids:
        raise InvalidApplication(
            "authorisation.signed_by_resident_id must be a member of the household",
            "经济状况核对授权书须由家庭成员签署（authorisation.signed_by_resident_id）",
            field="authorisation.signed_by_resident_id",
        )
    if (twice := _second_of(list(submission.programmes))) is not None:
        raise InvalidApplication(
            f"programmes.{twice} is requested twice",
            f"programmes.{twice}：同一救助项目重复申请",
            field=f"programmes.{twice}",
        )


def _second_of(values: list[Any]) -> int | None:
    """The index of the first value that repeats an earlier one, or None."""
    seen: set[Any] = set()
    for index, value in enumerate(values):
        if value in seen:
            return index
        seen.add(value)
    return None


def register_events(registry: EventRegistry) -> None:
    """Register intake's application events."""
    registry.register_all(
        ApplicationSubmitted,
        ProgrammeRouted,
        ProgrammeDecided,
        ProgrammeDecidedByAgency,
        StaffRelativeDeclared,
        ApplicationAmended,
        ApplicationWithdrawn,
    )


def _holder_of(submitted: ApplicationSubmitted, account: str | None) -> str | None:
    """The resident ID recorded as the account's holder, while it is the account then named."""
    holder = submitted.bank_account_holder
    return holder.resident_id if holder is not None and account == submitted.bank_account else None
