from enum import StrEnum


class AidPointKind(StrEnum):
    OPEN_AID_POINT = "open_aid_point"
    TEMPORARY_SHELTER = "temporary_shelter"

    def __str__(self) -> str:
        return str(self.value)
