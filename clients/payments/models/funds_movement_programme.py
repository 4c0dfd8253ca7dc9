from enum import StrEnum


class FundsMovementProgramme(StrEnum):
    CHILDREN_IN_DIFFICULTY = "children_in_difficulty"
    CHILD_IN_DIFFICULTY_ALLOWANCE = "child_in_difficulty_allowance"
    DISABILITY_SUBSIDIES = "disability_subsidies"
    DISASTER_RELIEF = "disaster_relief"
    DISEASE_EMERGENCY = "disease_emergency"
    ELDERLY_SUBSIDY = "elderly_subsidy"
    EXTREME_POVERTY = "extreme_poverty"
    MEDICAL_ASSISTANCE = "medical_assistance"
    ORPHAN_ALLOWANCE = "orphan_allowance"
    RURAL_DIBAO = "rural_dibao"
    TEMPORARY_ASSISTANCE = "temporary_assistance"
    URBAN_DIBAO = "urban_dibao"

    def __str__(self) -> str:
        return str(self.value)
