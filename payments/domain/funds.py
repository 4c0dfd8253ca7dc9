"""Funds of a county for a programme: allocations by source, arrivals, the run check (PAY-7)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

SOURCES = ("central", "provincial", "city", "county")
# The programmes SafetyNet pays, and so holds funds for: those verification decides, those a
# partner agency decides and SafetyNet pays (one-off or per person, ADR 0032), and the children's
# allowances (PAY-9). Programmes an agency pays itself (education, housing, employment, vagrants)
# are not SafetyNet money (ADR 0032) and have no funds here.
FUNDED_PROGRAMMES = (
    "urban_dibao",
    "rural_dibao",
    "extreme_poverty",
    "temporary_assistance",
    "elderly_subsidy",
    "children_in_difficulty",
    "medical_assistance",
    "disease_emergency",
    "disaster_relief",
    "disability_subsidies",
    "orphan_allowance",
    "child_in_difficulty_allowance",
)


@event_type("payments.FundsAllocated", version=1)
@dataclass(frozen=True)
class FundsAllocated:
    """A budget allocation (资金下达) from one level of government."""

    county_code: str
    programme: str
    source: str
    amount_fen: int
    document_ref: str


@event_type("payments.FundsArrived", version=1)
@dataclass(frozen=True)
class FundsArrived:
    """Allocated money arrived in the county's special account (资金到位)."""

    county_code: str
    programme: str
    source: str
    amount_fen: int


class ArrivalExceedsAllocation(DomainError):
    """More money arrived from a source than it allocated."""

    code = "arrival-exceeds-allocation"
    title_en = "More funds arrived than were allocated"
    title_zh = "到位资金超过下达额度"


class InsufficientFunds(DomainError):
    """A run would pay more than the funds available (PAY-7)."""

    code = "insufficient-funds"
    status = 409
    title_en = "The run exceeds the available funds"
    title_zh = "发放金额超过可用资金"

    @classmethod
    def short(
        cls,
        what: tuple[str, str],
        needed_fen: int,
        available_fen: int,
        shortfall_fen: int,
        programmes: Sequence[str],
        then: tuple[str, str] = ("", ""),
    ) -> InsufficientFunds:
        """The refusal of `what` (en, zh) with its figures and the programmes short of money;
        `then`: what the caller may do about it (en, zh)."""
        return cls(
            f"{what[0]} needs {needed_fen} fen, {available_fen} fen are available"
            f" ({shortfall_fen} fen short, in {', '.join(programmes) or '-'}){then[0]}",
            f"{what[1]}需{needed_fen}分，可用资金{available_fen}分，缺口{shortfall_fen}分"
            f"（{'、'.join(programmes) or '-'}）{then[1]}",
            needed_fen=needed_fen,
            available_fen=available_fen,
            shortfall_fen=shortfall_fen,
            short_programmes=list(programmes),
        )


class FundsAccount(Aggregate):
    """One county's funds for one programme."""

    stream_prefix = "funds"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.allocated: dict[str, int] = {}
        self.arrived: dict[str, int] = {}

    @staticmethod
    def id_for(county_code: str, programme: str) -> str:
        """Aggregate id: `<county>:<programme>`."""
        return f"{county_code}:{programme}"

    def allocate(self, allocation: FundsAllocated) -> None:
        """Record an allocation."""
        self.record(allocation)

    def arrive(self, arrival: FundsArrived) -> None:
        """Record an arrival, never beyond what the source allocated."""
        allocated = self.allocated.get(arrival.source, 0)
        arrived = self.arrived.get(arrival.source, 0) + arrival.amount_fen
        if arrived > allocated:
            raise ArrivalExceedsAllocation(
                f"amount_fen: {arrival.source} would have {arrived} fen arrived of {allocated}"
                " allocated",
                f"amount_fen（到位金额）：{arrival.source}来源到位{arrived}分，超过下达的{allocated}分",
                field="amount_fen",
            )
        self.record(arrival)

    def when_FundsAllocated(self, event: FundsAllocated) -> None:
        self.allocated[event.source] = self.allocated.get(event.source, 0) + event.amount_fen

    def when_FundsArrived(self, event: FundsArrived) -> None:
        self.arrived[event.source] = self.arrived.get(event.source, 0) + event.amount_fen
