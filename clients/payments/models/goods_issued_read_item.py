from enum import StrEnum


class GoodsIssuedReadItem(StrEnum):
    COAL = "coal"
    COTTON_COAT = "cotton_coat"
    DRINKING_WATER = "drinking_water"
    EDIBLE_OIL = "edible_oil"
    FLOUR = "flour"
    FOLDING_BED = "folding_bed"
    HEATING_STOVE = "heating_stove"
    INSTANT_FOOD = "instant_food"
    QUILT = "quilt"
    RICE = "rice"
    TENT = "tent"

    def __str__(self) -> str:
        return str(self.value)
