from enum import StrEnum


class OfficialRole(StrEnum):
    CIVIL_AFFAIRS_STAFF = "civil_affairs_staff"
    TOWNSHIP_CADRE = "township_cadre"
    VILLAGE_CADRE = "village_cadre"

    def __str__(self) -> str:
        return str(self.value)
