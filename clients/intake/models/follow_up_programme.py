from enum import StrEnum


class FollowUpProgramme(StrEnum):
    DISASTER_RELIEF = "disaster_relief"
    EDUCATION_ASSISTANCE = "education_assistance"
    EMPLOYMENT_ASSISTANCE = "employment_assistance"
    EXTREME_POVERTY = "extreme_poverty"
    HOUSING_ASSISTANCE = "housing_assistance"
    RURAL_DIBAO = "rural_dibao"
    URBAN_DIBAO = "urban_dibao"

    def __str__(self) -> str:
        return str(self.value)
