from enum import StrEnum


class ComplaintChannel(StrEnum):
    HOTLINE = "hotline"
    LETTER = "letter"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
