"""Verification's rules that are pure arithmetic: assessment, review periods, deadlines, flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from shared.identity import validate_resident_id
from shared.privacy import mask_resident_id
from shared.workdays import Workdays
from verification.domain import events as ev

# The partner data sources of VER-1, each asked about every member.
SOURCES: tuple[str, ...] = (
    "household_registration",
    "social_insurance",
    "real_estate",
    "vehicles",
    "business_registration",
    "tax",
    "housing_fund",
    "bank_deposits",
)
INCOME_SOURCES = frozenset({"social_insurance", "business_registration", "tax"})


def assess(
    opened: ev.CaseOpened, answers: list[ev.EvidenceRecorded]
) -> ev.EconomicVerificationCompleted:
    """Add up what the sources found and flag where it differs from the declaration (VER-1).

    The assessment is the higher of the two (ADR 0062): sources that find less than a household
    declares (farming, casual work) do not lower what it said it has; found above declared is
    the household's omission. Either way the difference is flagged for the officer."""
    found_income = sum(a.monthly_income_fen for a in answers if a.source in INCOME_SOURCES)
    found_assets = sum(a.assets_fen for a in answers)
    declared_income, declared_assets = (
        opened.declared_monthly_income_fen,
        opened.declared_assets_fen,
    )
    differences = [
        flag
        for flag, differs in (
            ("income_above_declaration", found_income > declared_income),
            ("income_below_declaration", found_income < declared_income),
            ("assets_above_declaration", found_assets > declared_assets),
            ("assets_below_declaration", found_assets < declared_assets),
        )
        if differs
    ]
    for answer in answers:
        if answer.deceased:
            differences.append(f"member_deceased:{mask_resident_id(answer.resident_id)}")
            earning = [
                a
                for a in answers
                if a.resident_id == answer.resident_id
                and a.source in INCOME_SOURCES
                and a.monthly_income_fen > 0
            ]
            if earning:
                differences.append(f"contradictory_sources:{mask_resident_id(answer.resident_id)}")
    return ev.EconomicVerificationCompleted(
        case_id=opened.case_id,
        programme=opened.programme,
        assessed_monthly_income_fen=max(found_income, declared_income),
        assessed_assets_fen=max(found_assets, declared_assets),
        declared_monthly_income_fen=opened.declared_monthly_income_fen,
        declared_assets_fen=opened.declared_assets_fen,
        differences=tuple(sorted(set(differences))),
    )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def next_review_due(registration: str, rural_class: int | None, effective_from: date) -> date:
    """Periodic re-review (VER-7 defaults): urban yearly; rural, and classes 3–4, every 6 months."""
    if registration == "rural" or rural_class in (3, 4):
        return _add_months(effective_from, 6)
    return _add_months(effective_from, 12)


@dataclass(frozen=True)
class Deadlines:
    """VER-9 allowances in working days (the defaults of the requirement; 0 = no allowance)."""

    investigation_start: int = 3
    county_decision: int = 10
    whole_process: int = 30
    whole_process_extended: int = 45

    def __post_init__(self) -> None:
        """A negative allowance, or an extension shorter than the whole process, is refused."""
        for name in ("investigation_start", "county_decision", "whole_process"):
            if getattr(self, name) < 0:
                raise ValueError(f"the {name} deadline must not be negative")
        if self.whole_process_extended < self.whole_process:
            raise ValueError("the extended whole process must not be shorter than the ordinary one")


def _due(calendar: Workdays, start: date, working_days: int) -> date:
    """The last day of an allowance of working days after `start`; overdue on the day after.

    An allowance of 0 working days leaves no time at all: the clock ran out the day before it
    started, so a case is overdue as soon as the watcher sees that clock running.
    """
    if working_days == 0:
        return start - timedelta(days=1)
    return calendar.add_working_days(start, working_days)


def due_dates(
    calendar: Workdays,
    opened_on: date,
    proposed_on: date | None,
    limits: Deadlines,
    extended: bool = False,
    decide_by: date | None = None,
) -> dict[str, date]:
    """Each clock's due date for a case opened (and perhaps proposed) on those days."""
    whole = limits.whole_process_extended if extended else limits.whole_process
    dues = {
        "investigation_start": _due(calendar, opened_on, limits.investigation_start),
        "whole_process": _due(calendar, opened_on, whole),
    }
    if decide_by is not None:
        dues["prior_assistance"] = decide_by
    if proposed_on is not None:
        dues["county_decision"] = _due(calendar, proposed_on, limits.county_decision)
    return dues


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def priority_flags(opened: ev.CaseOpened, today: date) -> list[ev.PriorityFlagged]:
    """VER-8: centralised care, extreme-poverty inclusion, child and elderly subsidies."""
    flags: list[ev.PriorityFlagged] = []
    for member in opened.members:
        age = _age(validate_resident_id(member.resident_id, today=today).birth_date, today)
        severe = member.disability_grade in (1, 2)
        found: list[tuple[str, str]] = []
        if severe and opened.programme == "extreme_poverty":
            found.append(("centralised_care", "失能半失能特困人员，优先集中供养"))
        if severe and opened.programme in ("urban_dibao", "rural_dibao"):
            found.append(("extreme_poverty_inclusion", "符合条件的重度残疾人纳入特困供养"))
        if age < 18 and (
            member.disability_grade is not None or opened.programme == "children_in_difficulty"
        ):
            found.append(("child_subsidy", "孤儿、贫困残疾儿童保障"))
        if age >= 60:
            found.append(("elderly_subsidy", "困难老年人补贴"))
        flags.extend(
            ev.PriorityFlagged(opened.case_id, opened.programme, flag, member.resident_id, why)
            for flag, why in found
        )
    return flags


def care_flags(
    opened: ev.CaseOpened, assessments: tuple[ev.SelfCareAssessment, ...]
) -> list[ev.PriorityFlagged]:
    """VER-8: an extreme-poverty person assessed partly or wholly dependent (半失能/失能) is
    flagged for centralised care."""
    if opened.programme != "extreme_poverty":
        return []
    return [
        ev.PriorityFlagged(
            opened.case_id,
            opened.programme,
            "centralised_care",
            a.resident_id,
            "失能半失能特困人员，优先集中供养（生活自理能力评估）",
        )
        for a in assessments
        if a.ability in ("partial", "none")
    ]
