from enum import StrEnum


class SubmissionChannel(StrEnum):
    ASSISTED_BY_VILLAGE_COMMITTEE = "assisted_by_village_committee"
    COUNTER = "counter"
    ONLINE = "online"

    def __str__(self) -> str:
        return str(self.value)
