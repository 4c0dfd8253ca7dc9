from enum import StrEnum


class Programme(StrEnum):
    CHILDREN_IN_DIFFICULTY = "children_in_difficulty"
    DISABILITY_SUBSIDIES = "disability_subsidies"
    DISASTER_RELIEF = "disaster_relief"
    DISEASE_EMERGENCY = "disease_emergency"
    EDUCATION_ASSISTANCE = "education_assistance"
    ELDERLY_SUBSIDY = "elderly_subsidy"
    EMPLOYMENT_ASSISTANCE = "employment_assistance"
    EXTREME_POVERTY = "extreme_poverty"
    HOUSING_ASSISTANCE = "housing_assistance"
    MEDICAL_ASSISTANCE = "medical_assistance"
    RURAL_DIBAO = "rural_dibao"
    TEMPORARY_ASSISTANCE = "temporary_assistance"
    URBAN_DIBAO = "urban_dibao"
    VAGRANT_ASSISTANCE = "vagrant_assistance"

    def __str__(self) -> str:
        return str(self.value)
