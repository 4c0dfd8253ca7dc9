from enum import StrEnum


class Relation(StrEnum):
    CHILD = "child"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    OTHER = "other"
    PARENT = "parent"
    SELF = "self"
    SIBLING = "sibling"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
