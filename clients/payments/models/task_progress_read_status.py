from enum import StrEnum


class TaskProgressReadStatus(StrEnum):
    MET = "met"
    MET_LATE = "met_late"
    OPEN = "open"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
