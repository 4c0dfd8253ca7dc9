from enum import StrEnum


class HazardCategory(StrEnum):
    ELECTRICITY = "electricity"
    FIRE = "fire"
    FOOD_POISONING = "food_poisoning"
    FREEZING = "freezing"
    GAS_POISONING = "gas_poisoning"

    def __str__(self) -> str:
        return str(self.value)
