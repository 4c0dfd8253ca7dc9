from enum import StrEnum


class ManualEvidenceInSource(StrEnum):
    BANK_DEPOSITS = "bank_deposits"
    BUSINESS_REGISTRATION = "business_registration"
    HOUSEHOLD_REGISTRATION = "household_registration"
    HOUSING_FUND = "housing_fund"
    REAL_ESTATE = "real_estate"
    SOCIAL_INSURANCE = "social_insurance"
    TAX = "tax"
    VEHICLES = "vehicles"

    def __str__(self) -> str:
        return str(self.value)
