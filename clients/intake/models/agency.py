from enum import StrEnum


class Agency(StrEnum):
    COUNTY_CIVIL_AFFAIRS = "county_civil_affairs"
    DISABLED_PERSONS_FEDERATION = "disabled_persons_federation"
    DISASTER_MANAGEMENT = "disaster_management"
    EDUCATION = "education"
    HOUSING_AND_CONSTRUCTION = "housing_and_construction"
    HUMAN_RESOURCES_AND_SOCIAL_SECURITY = "human_resources_and_social_security"
    MEDICAL_ASSISTANCE_OFFICE = "medical_assistance_office"
    RESCUE_MANAGEMENT = "rescue_management"

    def __str__(self) -> str:
        return str(self.value)
