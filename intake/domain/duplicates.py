"""INT-9: one person, one open application per programme; one ID in one household only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type


@event_type("intake.HouseholdConflictFlagged", version=1)
@dataclass(frozen=True)
class HouseholdConflictFlagged:
    """A resident ID was declared in a second household while the first one's case is open."""

    flag_id: str
    resident_id: str
    existing_application_id: str
    existing_division_code: str
    attempted_division_code: str


class DuplicateOpenApplication(DomainError):
    """The person already holds an open application or active benefit for the programme."""

    code = "duplicate-open-application"
    status = 409
    title_en = "An open application for this programme exists already"
    title_zh = "该人员已有同一救助项目的在办申请或在享待遇"


class MemberInAnotherHousehold(DomainError):
    """A member is already a member of another household with an open case."""

    code = "member-in-another-household"
    status = 409
    title_en = "A member belongs to another household"
    title_zh = "家庭成员已登记在其他家庭中"

    def __init__(
        self, detail_en: str, detail_zh: str, existing: str, member: int, **extensions: Any
    ) -> None:
        super().__init__(detail_en, detail_zh, **extensions)
        self.existing_application_id = existing  # flagged always, named only where it is seen
        self.member_index = member  # the member flagged, wherever the application is nested
