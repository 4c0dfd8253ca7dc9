from enum import StrEnum


class Allegation(StrEnum):
    AVERAGING = "averaging"
    FALSE_CLAIM = "false_claim"
    FAVOURITISM = "favouritism"
    OTHER = "other"
    REDISTRIBUTION = "redistribution"

    def __str__(self) -> str:
        return str(self.value)
