from enum import StrEnum


class Detector(StrEnum):
    AVERAGING = "averaging"
    CASE_OVERDUE = "case_overdue"
    DEATH_REPORTED = "death_reported"
    DUPLICATE_ID = "duplicate_id"
    FAVOURITISM = "favouritism"
    FUNDS_NOT_ARRIVED = "funds_not_arrived"
    PAID_AFTER_DEATH = "paid_after_death"
    PAID_AFTER_TERMINATION = "paid_after_termination"
    REDISTRIBUTION = "redistribution"
    REFERRAL_OVERDUE = "referral_overdue"
    STORE_TAMPERED = "store_tampered"
    UNDECLARED_ASSETS = "undeclared_assets"
    UNPAYABLE_BENEFICIARY = "unpayable_beneficiary"
    URGENT_CASE_OVERDUE = "urgent_case_overdue"

    def __str__(self) -> str:
        return str(self.value)
