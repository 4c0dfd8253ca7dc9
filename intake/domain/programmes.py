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
