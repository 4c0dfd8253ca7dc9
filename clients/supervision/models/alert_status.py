from enum import StrEnum


class AlertStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
