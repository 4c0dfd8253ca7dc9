from enum import StrEnum


class SeasonKind(StrEnum):
    COLD = "cold"
    HEAT = "heat"
    YEAR_ROUND = "year_round"

    def __str__(self) -> str:
        return str(self.value)
