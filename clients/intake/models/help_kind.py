from enum import StrEnum


class HelpKind(StrEnum):
    CLOTHING = "clothing"
    COLD_SHELTER = "cold_shelter"
    FOOD = "food"
    HEAT_SHELTER = "heat_shelter"
    MEDICAL_CARE = "medical_care"

    def __str__(self) -> str:
        return str(self.value)
