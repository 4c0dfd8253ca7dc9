from enum import StrEnum


class ListChildrenCategoryType0(StrEnum):
    IN_DIFFICULTY = "in_difficulty"
    LEFT_BEHIND = "left_behind"
    ORPHAN = "orphan"
    POOR_DISABLED = "poor_disabled"

    def __str__(self) -> str:
        return str(self.value)
