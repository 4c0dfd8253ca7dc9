"""Events of an urgent case: report, response, escalation, prior assistance, charity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from shared.eventstore.registry import event_type


class Reporter(StrEnum):
    """Who reported the person in difficulty (主动发现报告)."""

    VILLAGE_CADRE = "village_cadre"
    GRID_WORKER = "grid_worker"
    HOSPITAL = "hospital"
    SCHOOL = "school"
    POLICE = "police"
    PUBLIC = "public"


class PriorProgramme(StrEnum):
    """Programmes the green channel may grant before verification (先行救助)."""

    TEMPORARY_ASSISTANCE = "temporary_assistance"
    MEDICAL_ASSISTANCE = "medical_assistance"  # 重特大疾病医疗救助
    DISEASE_EMERGENCY = "disease_emergency"


class FollowUpProgramme(StrEnum):
    """Programmes proposed as follow-up assistance (后续救助)."""

    URBAN_DIBAO = "urban_dibao"
    RURAL_DIBAO = "rural_dibao"
    EXTREME_POVERTY = "extreme_poverty"
    DISASTER_RELIEF = "disaster_relief"
    EDUCATION_ASSISTANCE = "education_assistance"
    HOUSING_ASSISTANCE = "housing_assistance"
    EMPLOYMENT_ASSISTANCE = "employment_assistance"


@event_type("intake.UrgentCaseOpened", version=1)
@dataclass(frozen=True)
class UrgentCaseOpened:
    """A person in urgent difficulty was reported; the township must respond by the deadline."""

    urgent_case_id: str
    division_code: str
    reporter: Reporter
    situation: str
    subject_name: str | None
    subject_resident_id: str | None
    household_size: int
    reported_at: datetime
    respond_by: datetime


@event_type("intake.UrgentCaseResponded", version=1)
@dataclass(frozen=True)
class UrgentCaseResponded:
    """The township responded to the urgent case."""

    urgent_case_id: str
    responded_at: datetime
    late: bool
    response: str


@event_type("intake.UrgentCaseOverdue", version=1)
@dataclass(frozen=True)
class UrgentCaseOverdue:
    """No response by the deadline: escalated to the county and to supervision."""

    urgent_case_id: str
    respond_by: datetime
    escalated_to: str


@event_type("intake.PriorAssistanceGranted", version=1)
@dataclass(frozen=True)
class PriorAssistanceGranted:
    """Green channel: assistance granted before verification, which must follow by a date."""

    case_id: str
    programme: PriorProgramme
    amount_fen: int
    division_code: str
    resident_id: str
    bank_account: str | None
    verification_due: date
    follow_up_programmes: tuple[FollowUpProgramme, ...]
    persons: int = 1  # people the grant covers: its cap is per person (additive; absent means 1)
    # additive: the day of the grant, the cap it was checked against (3 × the county's urban dibao
    # standard in force × persons) and the follow-up application already filed, if any
    granted_on: date | None = None
    cap_fen: int | None = None
    follow_up_application_id: str | None = None
    # additive: the account holder's name the bank pays (grants before it name nobody)
    payee_name: str | None = None


@event_type("intake.FollowUpApplicationFiled", version=1)
@dataclass(frozen=True)
class FollowUpApplicationFiled:
    """The township filed the follow-up application (后续救助) of the urgent case: its
    verification is due by the date set at the first grant (None when nothing was granted)."""

    urgent_case_id: str
    application_id: str
    verification_due: date | None


@event_type("intake.CharityReferred", version=1)
@dataclass(frozen=True)
class CharityReferred:
    """The case was referred to a registered charity (慈善衔接)."""

    case_id: str
    referral_id: str
    charity: str  # the charity's registered organisation code (统一社会信用代码)
    need: str


@event_type("intake.CharityHelpRecorded", version=1)
@dataclass(frozen=True)
class CharityHelpRecorded:
    """The charity recorded the help it gave on a referral."""

    case_id: str
    referral_id: str
    charity: str
    amount_fen: int
    description: str
