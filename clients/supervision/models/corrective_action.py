from enum import StrEnum


class CorrectiveAction(StrEnum):
    RECHECK = "recheck"
    RECOVER_OVERPAYMENT = "recover_overpayment"
    SUSPEND_BENEFIT = "suspend_benefit"

    def __str__(self) -> str:
        return str(self.value)
