from enum import StrEnum


class FundsMovementSource(StrEnum):
    CENTRAL = "central"
    CITY = "city"
    COUNTY = "county"
    PROVINCIAL = "provincial"

    def __str__(self) -> str:
        return str(self.value)
