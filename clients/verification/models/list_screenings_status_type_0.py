from enum import StrEnum


class ListScreeningsStatusType0(StrEnum):
    DECLINE = "decline"
    FLAGGED = "flagged"
    INCLUDE = "include"
    NOT_MET = "not_met"

    def __str__(self) -> str:
        return str(self.value)
