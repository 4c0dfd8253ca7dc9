from enum import StrEnum


class SafetyActivityReadActivity(StrEnum):
    DRILL = "drill"
    TRAINING = "training"

    def __str__(self) -> str:
        return str(self.value)
