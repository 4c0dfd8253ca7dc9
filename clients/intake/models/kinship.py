from enum import StrEnum


class Kinship(StrEnum):
    CHILD = "child"
    GRANDCHILD = "grandchild"
    GRANDPARENT = "grandparent"
    PARENT = "parent"
    SIBLING = "sibling"
    SPOUSE = "spouse"

    def __str__(self) -> str:
        return str(self.value)
