from enum import StrEnum


class PolicyNumberReadSource(StrEnum):
    DEFAULT = "default"
    PROVINCE = "province"

    def __str__(self) -> str:
        return str(self.value)
