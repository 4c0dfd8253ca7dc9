from enum import StrEnum


class ScreeningInSupporter(StrEnum):
    ABLE = "able"
    NONE = "none"
    UNABLE = "unable"

    def __str__(self) -> str:
        return str(self.value)
