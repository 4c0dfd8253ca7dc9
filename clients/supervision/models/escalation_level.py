from enum import StrEnum


class EscalationLevel(StrEnum):
    CITY = "city"
    PROVINCE = "province"

    def __str__(self) -> str:
        return str(self.value)
