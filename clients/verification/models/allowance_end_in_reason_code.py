from enum import StrEnum


class AllowanceEndInReasonCode(StrEnum):
    ADOPTION = "adoption"
    DEATH = "death"
    GUARDIAN_ABLE_TO_SUPPORT = "guardian_able_to_support"
    MOVED_AWAY = "moved_away"
    OTHER = "other"

    def __str__(self) -> str:
        return str(self.value)
