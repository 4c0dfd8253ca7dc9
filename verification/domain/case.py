"""The verification case: one per application and programme decided by county civil affairs."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type

# Programmes that reach this service (the county civil affairs bureau decides them);
# the rest are decided by other agencies and tracked by intake's routing.
PROGRAMMES_DECIDED_HERE = frozenset(
    {
        "urban_dibao",
        "rural_dibao",
        "extreme_poverty",
        "temporary_assistance",
        "elderly_subsidy",
        "children_in_difficulty",
    }
)


class Stage(StrEnum):
    """Where a verification case stands."""

    ECONOMIC_VERIFICATION = "economic_verification"


@event_type("verification.CaseOpened", version=1)
@dataclass(frozen=True)
class CaseOpened:
    """Verification opened its own case for a programme of a submitted application."""

    case_id: str
    programme: str
    division_code: str
    registration: str
    household_size: int
    declared_monthly_income_fen: int
    authorisation_ref: str


class CaseAlreadyOpen(DomainError):
    """A case for this application and programme exists already."""

    code = "case-already-open"
    status = 409
    title_en = "A verification case is already open"
    title_zh = "该申请的核查案件已经建立"


class VerificationCase(Aggregate):
    """Verification's own record of one application's programme."""

    stream_prefix = "verification"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.stage: Stage | None = None

    @staticmethod
    def id_for(case_id: str, programme: str) -> str:
        """The aggregate id of the case for one programme."""
        return f"{case_id}-{programme}"

    def open(self, opened: CaseOpened) -> None:
        """Open the case once."""
        if self.stage is not None:
            raise CaseAlreadyOpen(f"case {self.id} is already open", f"案件 {self.id} 已建立")
        self.record(opened)

    def when_CaseOpened(self, event: CaseOpened) -> None:
        self.stage = Stage.ECONOMIC_VERIFICATION


def register_events(registry: EventRegistry) -> None:
    """Register verification's case events."""
    registry.register_all(CaseOpened)
