from enum import StrEnum


class InstitutionKind(StrEnum):
    OPEN_RESCUE_POINT = "open_rescue_point"
    RESCUE_STATION = "rescue_station"
    SUPPORT_INSTITUTION = "support_institution"
    TEMPORARY_SHELTER = "temporary_shelter"
    WELFARE_HOME = "welfare_home"

    def __str__(self) -> str:
        return str(self.value)
