from enum import StrEnum


class CountyTaskReadStatus(StrEnum):
    DONE = "done"
    DONE_LATE = "done_late"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    OVERDUE = "overdue"

    def __str__(self) -> str:
        return str(self.value)
