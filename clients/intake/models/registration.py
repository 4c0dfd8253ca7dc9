from enum import StrEnum


class Registration(StrEnum):
    RURAL = "rural"
    URBAN = "urban"

    def __str__(self) -> str:
        return str(self.value)
