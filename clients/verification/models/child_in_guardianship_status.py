from enum import StrEnum


class ChildInGuardianshipStatus(StrEnum):
    ENTRUSTED = "entrusted"
    INADEQUATE = "inadequate"
    INSTITUTIONAL = "institutional"
    NONE = "none"
    PARENTAL = "parental"

    def __str__(self) -> str:
        return str(self.value)
