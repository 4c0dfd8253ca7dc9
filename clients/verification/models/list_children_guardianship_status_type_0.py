from enum import StrEnum


class ListChildrenGuardianshipStatusType0(StrEnum):
    ENTRUSTED = "entrusted"
    INADEQUATE = "inadequate"
    INSTITUTIONAL = "institutional"
    NONE = "none"
    PARENTAL = "parental"

    def __str__(self) -> str:
        return str(self.value)
