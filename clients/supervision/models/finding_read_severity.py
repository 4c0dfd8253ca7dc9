from enum import StrEnum


class FindingReadSeverity(StrEnum):
    GRAVE = "grave"
    MINOR = "minor"
    SERIOUS = "serious"

    def __str__(self) -> str:
        return str(self.value)
