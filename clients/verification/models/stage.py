from enum import StrEnum


class Stage(StrEnum):
    APPROVED = "approved"
    ECONOMIC_VERIFICATION = "economic_verification"
    INVESTIGATION = "investigation"
    IN_BATCH = "in_batch"
    NOTICE = "notice"
    PROPOSED = "proposed"
    RECHECK = "recheck"
    REJECTED = "rejected"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    TERMINATION_REVIEW = "termination_review"
    TOWNSHIP_REVIEW = "township_review"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
