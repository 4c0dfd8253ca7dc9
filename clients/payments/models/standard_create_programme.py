from enum import StrEnum


class StandardCreateProgramme(StrEnum):
    CHILD_IN_DIFFICULTY_ALLOWANCE = "child_in_difficulty_allowance"
    DISABILITY_SUBSIDIES = "disability_subsidies"
    ELDERLY_SUBSIDY = "elderly_subsidy"
    EXTREME_POVERTY = "extreme_poverty"
    ORPHAN_ALLOWANCE = "orphan_allowance"
    RURAL_DIBAO = "rural_dibao"
    URBAN_DIBAO = "urban_dibao"

    def __str__(self) -> str:
        return str(self.value)
