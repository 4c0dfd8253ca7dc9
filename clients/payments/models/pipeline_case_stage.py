from enum import StrEnum


class PipelineCaseStage(StrEnum):
    APPROVED = "approved"
    IN_VERIFICATION = "in_verification"
    REJECTED = "rejected"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
