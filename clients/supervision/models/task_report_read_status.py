from enum import StrEnum


class TaskReportReadStatus(StrEnum):
    DONE = "done"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
