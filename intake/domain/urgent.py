"""Active discovery (INT-6), the green channel (INT-7) and the charity link (INT-8)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from intake.domain.urgent_events import (
    CharityHelpRecorded,
    CharityReferred,
    FollowUpApplicationFiled,
    PriorAssistanceGranted,
    UrgentCaseOpened,
    UrgentCaseOverdue,
    UrgentCaseResponded,
)
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry


class UrgentCaseAlreadyResponded(DomainError):
    """The urgent case has a response already."""

    code = "urgent-case-already-responded"
    status = 409
    title_en = "The urgent case was already responded to"
    title_zh = "该急难个案已响应"


class PriorAssistanceOverCap(DomainError):
    """The grant would exceed the green-channel cap (INT-7)."""

    code = "prior-assistance-over-cap"
    status = 422
    title_en = "Prior assistance above the cap"
    title_zh = "先行救助金额超过上限"


class PersonsBeyondHousehold(DomainError):
    """The grant says it covers more persons than the urgent case's household (INT-7)."""

    code = "persons-beyond-household"
    status = 422
    title_en = "The grant covers more persons than the household has"
    title_zh = "先行救助覆盖人数超过家庭人口数"


class PriorAssistanceAlreadyGranted(DomainError):
    """The person already had this programme's prior assistance in the month (INT-7)."""

    code = "prior-assistance-already-granted"
    status = 409
    title_en = "Prior assistance of this programme was already granted this month"
    title_zh = "本月已给予该项先行救助"


class NoStandardInForce(DomainError):
    """No urban dibao standard of the county is known: the cap cannot be computed (INT-7)."""

    code = "no-standard-in-force"
    status = 409
    title_en = "No urban dibao standard is in force for the county"
    title_zh = "该县（区）无有效的城市低保标准，无法计算先行救助上限"


class FollowUpAlreadyFiled(DomainError):
    """The urgent case already has its follow-up application."""

    code = "follow-up-already-filed"
    status = 409
    title_en = "The urgent case already has a follow-up application"
    title_zh = "该急难个案已提交后续救助申请"


class UnknownCharityReferral(DomainError):
    """Charity help names no referral of this case, or another charity's."""

    code = "unknown-charity-referral"
    status = 404
    title_en = "No such charity referral"
    title_zh = "未找到该慈善转介"


def standard_for_cap(standard_fen: int | None, county: str, on: date) -> int:
    """INT-7: the cap is a multiple of the county's urban dibao standard in force on the day;
    without one it cannot be computed (409 `no-standard-in-force`)."""
    if standard_fen is None:
        raise NoStandardInForce(
            f"no urban dibao standard of county {county} is in force on {on}",
            f"{on} 县（区）{county} 无有效的城市低保标准",
            county_code=county,
        )
    return standard_fen


def ensure_not_granted_elsewhere(held_by: str | None, programme: str, month: str) -> None:
    """INT-7 across urgent cases: one grant of a programme to a person in a month; `held_by` is
    the urgent case already holding it (409 `prior-assistance-already-granted`)."""
    if held_by is not None:
        raise PriorAssistanceAlreadyGranted(
            f"{programme} was already granted to this person in {month} (urgent case {held_by})",
            f"本月（{month}）已向该人员给予 {programme} 先行救助（急难个案 {held_by}）",
            field="programme",
            urgent_case_id=held_by,
        )


@dataclass(frozen=True)
class Grant:
    """A green-channel grant as requested, with the cap computed by policy."""

    event: PriorAssistanceGranted
    cap_fen: int


class UrgentCase(Aggregate):
    """A report of a person in urgent difficulty, its response, prior aid and charity help."""

    stream_prefix = "urgent"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.opened: UrgentCaseOpened | None = None
        self.responded = False
        self.overdue = False
        self.granted_fen = 0
        self.charity_help_fen = 0
        self.charity_referrals: dict[str, str] = {}  # referral id → charity
        self.grants: list[PriorAssistanceGranted] = []
        self.follow_up: FollowUpApplicationFiled | None = None

    def open(self, opened: UrgentCaseOpened) -> None:
        """Open the urgent case with its response deadline."""
        self.record(opened)

    def respond(self, at: datetime, response: str) -> None:
        """The township responded (visit, help); late when after the deadline."""
        if self.responded:
            raise UrgentCaseAlreadyResponded(
                f"urgent case {self.id} was already responded to", f"急难个案 {self.id} 已响应"
            )
        self.record(UrgentCaseResponded(self.id, at, at > self._opened().respond_by, response))

    def escalate_if_overdue(self, now: datetime) -> bool:
        """Raise UrgentCaseOverdue once when the deadline passed without a response."""
        opened = self._opened()
        if self.responded or self.overdue or now <= opened.respond_by:
            return False
        self.record(UrgentCaseOverdue(self.id, opened.respond_by, opened.division_code[:6]))
        return True

    def _ensure_household_covers(self, persons: int) -> None:
        """INT-7: the cap is per person of the household reported, so a grant covers no more
        persons than it has (422 `persons-beyond-household` naming `persons`)."""
        household_size = self._opened().household_size
        if persons > household_size:
            raise PersonsBeyondHousehold(
                f"persons {persons} exceeds the household of {household_size} the urgent case"
                " reported",
                f"persons {persons} 超过急难个案报告的家庭人口数 {household_size}",
                field="persons",
                household_size=household_size,
            )

    def grant_prior_assistance(self, grant: Grant) -> None:
        """INT-7: grant before verification, within the cap net of earlier aid and charity help."""
        self._ensure_household_covers(grant.event.persons)
        self._refuse_second_grant_in_month(grant.event)
        already = self.granted_fen + self.charity_help_fen
        if already + grant.event.amount_fen > grant.cap_fen:
            raise PriorAssistanceOverCap(
                f"amount_fen {grant.event.amount_fen} exceeds the cap {grant.cap_fen} less"
                f" {already} already given",
                f"amount_fen {grant.event.amount_fen} 超过上限 {grant.cap_fen}（已给予 {already}）",
                field="amount_fen",
                cap_fen=grant.cap_fen,
                already_given_fen=already,
            )
        self.record(grant.event)

    def _refuse_second_grant_in_month(self, new: PriorAssistanceGranted) -> None:
        month = new.granted_on.strftime("%Y-%m") if new.granted_on else None
        for old in self.grants:
            same_month = old.granted_on is not None and old.granted_on.strftime("%Y-%m") == month
            if old.resident_id == new.resident_id and old.programme == new.programme and same_month:
                raise PriorAssistanceAlreadyGranted(
                    f"{new.programme} was already granted to this person in {month}",
                    f"本月（{month}）已向该人员给予 {new.programme} 先行救助",
                    field="programme",
                )

    def file_follow_up(self, application_id: str) -> FollowUpApplicationFiled:
        """INT-7: link the follow-up application; its verification is due by the first grant's
        date (5 working days after it)."""
        self._opened()
        if self.follow_up is not None:
            raise FollowUpAlreadyFiled(
                f"urgent case {self.id} already has follow-up application"
                f" {self.follow_up.application_id}",
                f"急难个案 {self.id} 已提交后续救助申请 {self.follow_up.application_id}",
                field="urgent_case_id",
            )
        due = self.grants[0].verification_due if self.grants else None
        filed = FollowUpApplicationFiled(self.id, application_id, due)
        self.record(filed)
        return filed

    def refer_to_charity(self, referred: CharityReferred) -> None:
        """INT-8: refer the case to a registered charity."""
        self._opened()
        self.record(referred)

    def record_charity_help(self, help_given: CharityHelpRecorded) -> None:
        """INT-8: the charity reports the help it gave, so that aid is not given twice."""
        if self.charity_referrals.get(help_given.referral_id) != help_given.charity:
            raise UnknownCharityReferral(
                f"referral {help_given.referral_id} of urgent case {self.id}"
                " is not to this charity",
                f"急难个案 {self.id} 没有转介给该慈善组织的记录 {help_given.referral_id}",
            )
        self.record(help_given)

    @property
    def division_code(self) -> str:
        """Where the person in difficulty was reported: the township answerable for them."""
        return self._opened().division_code

    def _opened(self) -> UrgentCaseOpened:
        assert self.opened is not None, "the urgent case is not opened"
        return self.opened

    def when_UrgentCaseOpened(self, event: UrgentCaseOpened) -> None:
        self.opened = event

    def when_UrgentCaseResponded(self, event: UrgentCaseResponded) -> None:
        self.responded = True

    def when_UrgentCaseOverdue(self, event: UrgentCaseOverdue) -> None:
        self.overdue = True

    def when_PriorAssistanceGranted(self, event: PriorAssistanceGranted) -> None:
        self.granted_fen += event.amount_fen
        self.grants.append(event)

    def when_FollowUpApplicationFiled(self, event: FollowUpApplicationFiled) -> None:
        self.follow_up = event

    def when_CharityReferred(self, event: CharityReferred) -> None:
        self.charity_referrals[event.referral_id] = event.charity

    def when_CharityHelpRecorded(self, event: CharityHelpRecorded) -> None:
        self.charity_help_fen += event.amount_fen


def register_events(registry: EventRegistry) -> None:
    """Register the urgent-case events."""
    registry.register_all(
        UrgentCaseOpened,
        UrgentCaseResponded,
        UrgentCaseOverdue,
        PriorAssistanceGranted,
        FollowUpApplicationFiled,
        CharityReferred,
        CharityHelpRecorded,
    )
