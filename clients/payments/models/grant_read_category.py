from enum import StrEnum


class GrantReadCategory(StrEnum):
    COLLAPSED_HOUSE_REBUILD = "collapsed_house_rebuild"
    DIBAO_HOUSEHOLD = "dibao_household"
    DISABLED_FAMILY = "disabled_family"
    OTHER = "other"
    SCATTERED_EXTREME_POVERTY = "scattered_extreme_poverty"

    def __str__(self) -> str:
        return str(self.value)
