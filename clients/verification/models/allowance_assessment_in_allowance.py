from enum import StrEnum


class AllowanceAssessmentInAllowance(StrEnum):
    CHILD_IN_DIFFICULTY_ALLOWANCE = "child_in_difficulty_allowance"
    ORPHAN_ALLOWANCE = "orphan_allowance"

    def __str__(self) -> str:
        return str(self.value)
