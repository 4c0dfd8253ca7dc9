"""The children register (VER-10): left-behind children and children in difficulty, their
guardianship and the township's care visits; an orphan or a child in difficulty is assessed by
the county for an allowance (PAY-9), published as `verification.ChildAllowanceAssessed`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.clock import period_of
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type
from shared.identity import validate_resident_id
from verification.domain.allowance_ends import (
    AllowanceAlreadyEnded,
    ChildAllowanceEnded,
    EndReason,
    NoAllowanceToEnd,
    first_day_after,
    last_paid_period,
)

Category = Literal["left_behind", "in_difficulty", "orphan", "poor_disabled"]
# 父母监护 / 委托亲属监护 / 机构监护 / 监护不力 / 无人监护
GuardianshipStatus = Literal["parental", "entrusted", "institutional", "inadequate", "none"]
Allowance = Literal["orphan_allowance", "child_in_difficulty_allowance"]
AllowanceDecision = Literal["granted", "refused"]

ADULT_AGE = 18  # 未成年人: under 18 (Law on the Protection of Minors, art. 2), not a local number
# Which categories each allowance is assessed for: 孤儿基本生活费 for orphans; the allowance for
# children in difficulty (困境儿童基本生活补贴) for children in difficulty and poor disabled
# children. A left-behind child is cared for (visits), not paid.
ALLOWANCE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "orphan_allowance": ("orphan",),
    "child_in_difficulty_allowance": ("in_difficulty", "poor_disabled"),
}
ELIGIBILITY_RULE = {
    "orphan_allowance": "孤儿（父母双亡或依法宣告死亡/失踪），未满18周岁",
    "child_in_difficulty_allowance": "困境儿童或贫困残疾儿童，未满18周岁",
}


@dataclass(frozen=True)
class Guardian:
    """Who looks after the child; an institution's guardian carries no resident ID."""

    name: str
    relation: str  # parent | grandparent | relative | institution | other
    resident_id: str | None = None
    phone: str | None = None
    bank_account: str | None = None  # where an allowance is paid (the guardian's account)


@event_type("verification.ChildRegistered", version=1)
@dataclass(frozen=True)
class ChildRegistered:
    """The township put a child on the register with the guardian and the guardianship found."""

    child_id: str
    resident_id: str
    name: str
    division_code: str
    county_code: str
    registration: str  # urban | rural household registration
    category: Category
    guardianship_status: GuardianshipStatus
    guardian: Guardian | None
    registered_on: date


@event_type("verification.CareVisitRecorded", version=1)
@dataclass(frozen=True)
class CareVisitRecorded:
    """The township visited the child (关爱走访); the guardianship as the visit found it."""

    child_id: str
    division_code: str
    visited_on: date
    visited_by: tuple[str, ...]
    guardianship_status: GuardianshipStatus
    follow_up_needed: bool
    notes: str  # free text about the child: dropped from the public view (shared.privacy)


@event_type("verification.ChildAllowanceAssessed", version=1)
@dataclass(frozen=True)
class ChildAllowanceAssessed:
    """The county assessed the child for an allowance (contract v1, consumed by payments).

    Granted: payments enrols the child as one person paid the allowance's standard every month
    from `effective_from`, paid to the guardian (`payee_name`, `bank_account`)."""

    child_id: str
    allowance: Allowance
    decision: AllowanceDecision
    division_code: str
    county_code: str
    registration: str
    category: Category
    effective_from: date | None  # granted only
    reason: str
    policy_basis: str  # the document the county decided under (文件依据)
    eligibility_rule: str  # the register's rule the child met
    decided_by: str  # the county officer (staff id from the token)
    decided_on: date
    payee_name: str
    bank_account: str | None
    # granted: the age limit in force (policy data) and its version (0: the deployment default),
    # and the last month paid, the month the child reaches it (ADR 0042; a birth month: dropped
    # from the public view). None on grants recorded before ADR 0042.
    age_limit: int | None = None
    age_limit_policy_version: int | None = None
    coming_of_age_period: str | None = None


CHILDREN_EVENTS = (ChildRegistered, CareVisitRecorded, ChildAllowanceAssessed, ChildAllowanceEnded)


class NotAChild(DomainError):
    """The register holds minors only."""

    code = "not-a-child"
    title_en = "The person is not a minor"
    title_zh = "登记对象应为未满18周岁的未成年人"


class GuardianMissing(DomainError):
    """A guardian is named unless the child has none (无人监护)."""

    code = "guardian-missing"
    title_en = "The guardian is missing"
    title_zh = "缺少监护人信息"


class VisitInTheFuture(DomainError):
    """A visit is recorded after it took place."""

    code = "visit-in-the-future"
    title_en = "A visit cannot be recorded before it took place"
    title_zh = "走访日期不能晚于今日"


class AllowanceNotForCategory(DomainError):
    """The allowance is not paid for the child's category."""

    code = "allowance-not-for-category"
    title_en = "This allowance is not for the child's category"
    title_zh = "该儿童类别不适用此项补贴"


class AllowanceAlreadyGranted(DomainError):
    """A child is paid one allowance at a time."""

    code = "allowance-already-granted"
    status = 409
    title_en = "The child already has an allowance"
    title_zh = "该儿童已享受基本生活补贴"


class EffectiveDateMissing(DomainError):
    """A grant says from when it is paid; a refusal has no such date."""

    code = "effective-date-missing"
    title_en = "A grant needs its effective date, a refusal has none"
    title_zh = "批准须填写起始日期，不予批准的不填"


class StartBeforeBirth(DomainError):
    """An allowance does not start before the child was born."""

    code = "allowance-starts-before-birth"
    title_en = "The allowance would start before the child was born"
    title_zh = "起始日期早于儿童出生日期"


class ChildComesOfAge(DomainError):
    """An allowance is for minors: not from a date on which the child is 18 or more."""

    code = "child-has-come-of-age"
    title_en = "The child is 18 or more on that date"
    title_zh = "该日期儿童已年满18周岁"


def birth_date(resident_id: str) -> date:
    """The birth date the resident ID carries."""
    return validate_resident_id(resident_id, today=date.max).birth_date  # any day: only the birth


def age_on(resident_id: str, day: date) -> int:
    """Whole years of age on a day, from the resident ID's birth date."""
    born = birth_date(resident_id)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class Child(Aggregate):
    """One child on the register, stream `child-<id>`."""

    stream_prefix = "child"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.registered: ChildRegistered | None = None
        self.guardianship_status: str | None = None
        self.visits: list[CareVisitRecorded] = []
        self.assessments: list[ChildAllowanceAssessed] = []
        self.allowance_end: ChildAllowanceEnded | None = None

    def register(self, registered: ChildRegistered) -> None:
        """Put the child on the register: a minor on the day, a guardian unless there is none."""
        if age_on(registered.resident_id, registered.registered_on) >= ADULT_AGE:
            raise NotAChild(
                f"the person is {ADULT_AGE} or more on {registered.registered_on}",
                f"该公民身份号码对应人员在{registered.registered_on}已年满{ADULT_AGE}周岁",
                field="resident_id",
            )
        _check_guardian(registered.guardianship_status, registered.guardian)
        self.record(registered)

    def record_visit(self, visit: CareVisitRecorded, today: date) -> None:
        """A care visit, on or before today; its guardianship status becomes the child's."""
        if visit.visited_on > today:
            raise VisitInTheFuture(
                f"visited_on {visit.visited_on} is after today {today}",
                f"走访日期{visit.visited_on}晚于今日{today}",
                field="visited_on",
            )
        self.record(visit)

    def assess(self, assessed: ChildAllowanceAssessed) -> None:
        """The county's assessment: the allowance fits the category, the child is a minor on the
        effective date, and no allowance is granted already."""
        if (assessed.decision == "granted") != (assessed.effective_from is not None):
            raise EffectiveDateMissing(
                f"decision {assessed.decision} with effective_from {assessed.effective_from}",
                "批准发放须填写起始日期，不予批准的不填起始日期",
                field="effective_from",
            )
        if assessed.category not in ALLOWANCE_CATEGORIES[assessed.allowance]:
            raise AllowanceNotForCategory(
                f"{assessed.allowance} is for {', '.join(ALLOWANCE_CATEGORIES[assessed.allowance])}"
                f" children, this child is {assessed.category}",
                f"{assessed.allowance}仅适用于{'、'.join(ALLOWANCE_CATEGORIES[assessed.allowance])}"
                f"类儿童，该儿童为{assessed.category}",
                field="allowance",
            )
        if self.granted is not None and assessed.decision == "granted":
            raise AllowanceAlreadyGranted(
                f"the child has {self.granted.allowance} from {self.granted.effective_from}",
                f"该儿童自{self.granted.effective_from}起已享受{self.granted.allowance}",
                field="allowance",
            )
        if assessed.effective_from is not None:
            self._check_minor_on(assessed.effective_from)
        self.record(assessed)

    def _check_minor_on(self, day: date) -> None:
        """An allowance starts on a day the child was born by and not yet 18."""
        assert self.registered is not None
        born = birth_date(self.registered.resident_id)
        if day < born:
            raise StartBeforeBirth(
                f"effective_from {day} is before the child's birth date",
                f"起始日期{day}早于儿童出生日期",
                field="effective_from",
            )
        if self.age_on(day) >= ADULT_AGE:
            raise ChildComesOfAge(
                f"the child is {ADULT_AGE} or more on {day}",
                f"儿童在{day}已年满{ADULT_AGE}周岁",
                field="effective_from",
            )

    def end_allowance(
        self, reason_code: EndReason, reason: str, policy_basis: str, officer: str, today: date
    ) -> None:
        """The county ends the granted allowance early, once: nothing is paid for months from
        the next month's first day (ADR 0042)."""
        granted, registered = self.granted, self.registered
        if granted is None or registered is None:
            raise NoAllowanceToEnd(
                "the child has no allowance granted", "该儿童未获批基本生活费", field="child_id"
            )
        if self.allowance_end is not None:
            raise AllowanceAlreadyEnded(
                f"the allowance ended from {self.allowance_end.effective_from}",
                f"该儿童的基本生活费已自{self.allowance_end.effective_from}起终止",
                field="child_id",
            )
        _check_not_past_age_limit(granted, today)
        self.record(
            ChildAllowanceEnded(
                self.id,
                granted.allowance,
                registered.division_code,
                registered.county_code,
                first_day_after(period_of(today)),
                reason_code,
                reason,
                policy_basis,
                officer,
                today,
            )
        )

    def last_paid_period(self, age_limit: int) -> str:
        """The last month an allowance is paid under an age limit."""
        assert self.registered is not None
        return last_paid_period(birth_date(self.registered.resident_id), age_limit)

    @property
    def granted(self) -> ChildAllowanceAssessed | None:
        """The allowance granted to the child, if any."""
        return next((a for a in self.assessments if a.decision == "granted"), None)

    def age_on(self, day: date) -> int:
        """The child's age on a day."""
        assert self.registered is not None
        return age_on(self.registered.resident_id, day)

    def when_ChildRegistered(self, event: ChildRegistered) -> None:
        self.registered = event
        self.guardianship_status = event.guardianship_status

    def when_CareVisitRecorded(self, event: CareVisitRecorded) -> None:
        self.visits.append(event)
        self.guardianship_status = event.guardianship_status

    def when_ChildAllowanceAssessed(self, event: ChildAllowanceAssessed) -> None:
        self.assessments.append(event)

    def when_ChildAllowanceEnded(self, event: ChildAllowanceEnded) -> None:
        self.allowance_end = event


def _check_not_past_age_limit(granted: ChildAllowanceAssessed, today: date) -> None:
    """An allowance whose last month paid (the month of the age limit, ADR 0042) is over has
    ended by itself: payments stops it from the next month's first day, whatever run meets it."""
    last = granted.coming_of_age_period
    if last is not None and period_of(today) > last:
        raise AllowanceAlreadyEnded(
            f"the allowance ended at the age limit of {granted.age_limit}: paid through {last}",
            f"该儿童已满{granted.age_limit}周岁，基本生活费已发放至{last}止",
            field="child_id",
        )


def _check_guardian(status: str, guardian: Guardian | None) -> None:
    """A guardian unless nobody looks after the child; a person guardian with a resident ID."""
    if status != "none" and guardian is None:
        raise GuardianMissing(
            f"guardianship {status} names a guardian", "请填写监护人信息", field="guardian"
        )
    if guardian is not None and guardian.relation != "institution" and not guardian.resident_id:
        raise GuardianMissing(
            "a guardian who is a person needs a resident_id",
            "监护人为自然人的，须填写公民身份号码",
            field="guardian.resident_id",
        )
