from enum import StrEnum


class Reporter(StrEnum):
    GRID_WORKER = "grid_worker"
    HOSPITAL = "hospital"
    POLICE = "police"
    PUBLIC = "public"
    SCHOOL = "school"
    VILLAGE_CADRE = "village_cadre"

    def __str__(self) -> str:
        return str(self.value)
