from enum import StrEnum


class VisitGroup(StrEnum):
    DIBAO_HOUSEHOLD = "dibao_household"
    ENTITLED_SERVICEMAN_FAMILY = "entitled_serviceman_family"
    EXTREME_POVERTY_PERSON = "extreme_poverty_person"
    POOR_DISABLED_PERSON = "poor_disabled_person"
    REGISTERED_POOR_HOUSEHOLD = "registered_poor_household"

    def __str__(self) -> str:
        return str(self.value)
