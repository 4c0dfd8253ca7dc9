from enum import StrEnum


class GuardianInRelation(StrEnum):
    GRANDPARENT = "grandparent"
    INSTITUTION = "institution"
    OTHER = "other"
    PARENT = "parent"
    RELATIVE = "relative"

    def __str__(self) -> str:
        return str(self.value)
