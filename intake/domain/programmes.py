"""The programme catalogue of INT-1 and the competent agency each one is routed to (INT-4)."""

from __future__ import annotations

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
