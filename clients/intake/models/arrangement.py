from enum import StrEnum


class Arrangement(StrEnum):
    APPLICATION = "application"
    ON_SITE = "on_site"
    REFERRAL = "referral"

    def __str__(self) -> str:
        return str(self.value)
