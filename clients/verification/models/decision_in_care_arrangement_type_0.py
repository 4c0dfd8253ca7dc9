from enum import StrEnum


class DecisionInCareArrangementType0(StrEnum):
    CENTRALISED = "centralised"
    SCATTERED = "scattered"

    def __str__(self) -> str:
        return str(self.value)
