from enum import StrEnum


class CountyReportReadStatus(StrEnum):
    FILED = "filed"
    LATE = "late"
    MISSING = "missing"
    NOT_YET_DUE = "not_yet_due"

    def __str__(self) -> str:
        return str(self.value)
