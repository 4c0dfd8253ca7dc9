"""The programme catalogue of INT-1, the competent agency each one is routed to (INT-4), and for
the programmes partner agencies decide: the one token role that decides it and who pays it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Programme(StrEnum):
    """Assistance programmes a household may request at the one door."""

    URBAN_DIBAO = "urban_dibao"  # 城市最低生活保障
    RURAL_DIBAO = "rural_dibao"  # 农村最低生活保障
    EXTREME_POVERTY = "extreme_poverty"  # 特困人员救助供养
    TEMPORARY_ASSISTANCE = "temporary_assistance"  # 临时救助
    MEDICAL_ASSISTANCE = "medical_assistance"  # 医疗救助（含重特大疾病）
    DISEASE_EMERGENCY = "disease_emergency"  # 疾病应急救助
    DISASTER_RELIEF = "disaster_relief"  # 受灾人员救助
    EDUCATION_ASSISTANCE = "education_assistance"  # 教育救助
    HOUSING_ASSISTANCE = "housing_assistance"  # 住房救助
    EMPLOYMENT_ASSISTANCE = "employment_assistance"  # 就业救助
    DISABILITY_SUBSIDIES = "disability_subsidies"  # 残疾人两项补贴
    ELDERLY_SUBSIDY = "elderly_subsidy"  # 困难老年人补贴
    CHILDREN_IN_DIFFICULTY = "children_in_difficulty"  # 孤儿、困境儿童
    VAGRANT_ASSISTANCE = "vagrant_assistance"  # 流浪乞讨人员救助


class Agency(StrEnum):
    """The competent agency that decides a programme."""

    COUNTY_CIVIL_AFFAIRS = "county_civil_affairs"
    MEDICAL_ASSISTANCE_OFFICE = "medical_assistance_office"
    EDUCATION = "education"
    HOUSING = "housing_and_construction"
    EMPLOYMENT = "human_resources_and_social_security"
    DISASTER_MANAGEMENT = "disaster_management"
    DISABLED_PERSONS_FEDERATION = "disabled_persons_federation"
    RESCUE_STATION = "rescue_management"


COMPETENT_AGENCY: dict[Programme, Agency] = {
    Programme.URBAN_DIBAO: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.RURAL_DIBAO: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.EXTREME_POVERTY: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.TEMPORARY_ASSISTANCE: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.ELDERLY_SUBSIDY: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.CHILDREN_IN_DIFFICULTY: Agency.COUNTY_CIVIL_AFFAIRS,
    Programme.MEDICAL_ASSISTANCE: Agency.MEDICAL_ASSISTANCE_OFFICE,
    Programme.DISEASE_EMERGENCY: Agency.MEDICAL_ASSISTANCE_OFFICE,
    Programme.DISASTER_RELIEF: Agency.DISASTER_MANAGEMENT,
    Programme.EDUCATION_ASSISTANCE: Agency.EDUCATION,
    Programme.HOUSING_ASSISTANCE: Agency.HOUSING,
    Programme.EMPLOYMENT_ASSISTANCE: Agency.EMPLOYMENT,
    Programme.DISABILITY_SUBSIDIES: Agency.DISABLED_PERSONS_FEDERATION,
    Programme.VAGRANT_ASSISTANCE: Agency.RESCUE_STATION,
}


class Settlement(StrEnum):
    """Who pays a programme a partner agency decided (ADR 0032)."""

    ONE_OFF = "one_off"  # SafetyNet pays the decided amount once, in the next payment run (PAY-8)
    PER_PERSON = "per_person"  # SafetyNet pays monthly: the standard × the persons approved (PAY-2)
    BY_AGENCY = "by_agency"  # the agency pays or provides it itself; SafetyNet records it


AMOUNT_CEILING_FEN = 50_000_000
"""¥500,000: the most a partner agency's decision may grant one household at once (INT-4). A
plausibility ceiling, not a policy limit: no rule in the policy data states one for these
programmes, so the default is conservative: well above the per-household annual limits the
provinces publish for medical assistance and above one-off disaster grants (typically tens of
thousands of yuan), so no genuine decision is refused, while a slip of the keyboard or a forged
amount (¥100 bn was accepted before) cannot hold up a county's payment run. Where a programme
has a known limit, its row below states it as `ceiling_fen`."""


@dataclass(frozen=True)
class PartnerDecision:
    """The rule of a programme decided outside verification: the role that alone decides it,
    how it is paid, and the most one decision may grant (fen)."""

    deciding_role: str  # a token role (shared/http/tokens.py ROLES)
    settlement: Settlement
    ceiling_fen: int = AMOUNT_CEILING_FEN


# Reference data, one row per programme not decided by county civil affairs through
# verification. Changing who decides a programme (as the 2018 reform moved medical assistance to
# the healthcare security bureaus) is a change of this table, reviewed like the rule it follows.
PARTNER_DECISIONS: dict[Programme, PartnerDecision] = {
    Programme.MEDICAL_ASSISTANCE: PartnerDecision("health_insurance", Settlement.ONE_OFF),
    Programme.DISEASE_EMERGENCY: PartnerDecision("health_insurance", Settlement.ONE_OFF),
    Programme.DISASTER_RELIEF: PartnerDecision("emergency_management_bureau", Settlement.ONE_OFF),
    Programme.EDUCATION_ASSISTANCE: PartnerDecision("education_bureau", Settlement.BY_AGENCY),
    Programme.HOUSING_ASSISTANCE: PartnerDecision("housing_bureau", Settlement.BY_AGENCY),
    Programme.EMPLOYMENT_ASSISTANCE: PartnerDecision(
        "human_resources_bureau", Settlement.BY_AGENCY
    ),
    Programme.DISABILITY_SUBSIDIES: PartnerDecision(
        "disabled_persons_federation", Settlement.PER_PERSON
    ),
    # the rescue management station is a civil affairs institution: the county bureau decides
    Programme.VAGRANT_ASSISTANCE: PartnerDecision("county_officer", Settlement.BY_AGENCY),
}
DECIDING_ROLES: tuple[str, ...] = tuple(
    sorted({rule.deciding_role for rule in PARTNER_DECISIONS.values()})
)
"""Every role that decides some programme routed to an agency."""


def partner_decision(programme: Programme) -> PartnerDecision | None:
    """The programme's deciding role and settlement; None when verification decides it."""
    return PARTNER_DECISIONS.get(programme)


def deciding_roles_text() -> str:
    """`programme → role` for every partner-decided programme, for refusals."""
    return "; ".join(f"{p} → {r.deciding_role}" for p, r in PARTNER_DECISIONS.items())


# INT-1 sub-options a request may state per programme (the agency still decides): the values
# allowed for each key; None means free text (a disease name checked by the medical office).
DETAIL_OPTIONS: dict[Programme, dict[str, tuple[str, ...] | None]] = {
    Programme.RURAL_DIBAO: {"requested_class": ("1", "2", "3", "4")},  # 一二三四类
    Programme.EXTREME_POVERTY: {
        "care": ("centralised", "scattered"),  # 集中/分散供养
        "self_care": ("full", "partial", "none"),  # 生活自理/半失能/失能
    },
    Programme.TEMPORARY_ASSISTANCE: {"urgency": ("urgent", "ordinary")},  # 急难型/支出型
    Programme.MEDICAL_ASSISTANCE: {"kind": ("ordinary", "major_disease"), "disease": None},
    Programme.DISASTER_RELIEF: {"need": ("house_rebuild", "temporary_shelter", "living")},
    Programme.DISABILITY_SUBSIDIES: {"subsidy": ("living_subsidy", "care_subsidy")},
    Programme.CHILDREN_IN_DIFFICULTY: {
        "category": ("orphan", "child_in_difficulty", "left_behind")
    },
}


def detail_problem(programme: Programme, key: str, value: str) -> str | None:
    """Why a stated sub-option is not allowed for the programme, or None when it is."""
    options = DETAIL_OPTIONS.get(programme, {})
    if key not in options:
        return f"{programme} has no option {key!r}; allowed: {sorted(options) or 'none'}"
    allowed = options[key]
    if allowed is None:
        return None if 0 < len(value) <= 100 else f"{key} must be 1 to 100 characters"
    return None if value in allowed else f"{key} must be one of {', '.join(allowed)}"
