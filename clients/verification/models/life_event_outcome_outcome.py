from enum import StrEnum


class LifeEventOutcomeOutcome(StrEnum):
    MATCHED = "matched"
    UNMATCHED = "unmatched"

    def __str__(self) -> str:
        return str(self.value)
