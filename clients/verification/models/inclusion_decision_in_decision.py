from enum import StrEnum


class InclusionDecisionInDecision(StrEnum):
    DECLINE = "decline"
    INCLUDE = "include"

    def __str__(self) -> str:
        return str(self.value)
