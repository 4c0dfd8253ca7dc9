from enum import StrEnum


class InspectionKind(StrEnum):
    FOLLOW_UP = "follow_up"
    PERIODIC = "periodic"
    ROUTINE = "routine"
    SPECIAL = "special"
    UNANNOUNCED = "unannounced"

    def __str__(self) -> str:
        return str(self.value)
