from enum import StrEnum


class PriorProgramme(StrEnum):
    DISEASE_EMERGENCY = "disease_emergency"
    MEDICAL_ASSISTANCE = "medical_assistance"
    TEMPORARY_ASSISTANCE = "temporary_assistance"

    def __str__(self) -> str:
        return str(self.value)
