"""Price linkage (物价上涨挂钩联动机制): indices, the trigger, the temporary subsidy (PAY-5).

Indices are year-on-year changes in basis points (3.5% = 350). When the figures of a month meet
the trigger (*default* CPI ≥ 3.5% or food CPI ≥ 6%), a temporary price subsidy per person is
paid for that month to the covered programmes; a month that misses it records the lapse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
DEFAULT_PROGRAMMES = ("urban_dibao", "rural_dibao", "extreme_poverty")


@event_type("payments.PriceLinkageParametersSet", version=1)
@dataclass(frozen=True)
class PriceLinkageParametersSet:
    """The trigger thresholds, the monthly subsidy per person and the covered programmes."""

    cpi_threshold_bp: int
    food_cpi_threshold_bp: int
    subsidy_per_person_fen: int
    covered_programmes: tuple[str, ...]


@event_type("payments.PriceIndexRecorded", version=1)
@dataclass(frozen=True)
class PriceIndexRecorded:
    """A month's CPI and food CPI, year on year, in basis points."""

    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int


@event_type("payments.PriceSubsidyTriggered", version=1)
@dataclass(frozen=True)
class PriceSubsidyTriggered:
    """The trigger holds for the month: the subsidy per person paid to the covered groups."""

    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int
    subsidy_per_person_fen: int
    covered_programmes: tuple[str, ...]


@event_type("payments.PriceSubsidyLapsed", version=1)
@dataclass(frozen=True)
class PriceSubsidyLapsed:
    """The trigger no longer holds: no subsidy for the month."""

    month: str
    cpi_yoy_bp: int
    food_cpi_yoy_bp: int


class IndexAlreadyRecorded(DomainError):
    """A month's figures are recorded once; corrections are a matter for a new month."""

    code = "price-index-already-recorded"
    status = 409
    title_en = "The month's price indices are already recorded"
    title_zh = "该月价格指数已录入"


class PriceLinkage(Aggregate):
    """The province's price linkage: parameters, monthly figures, triggered months."""

    stream_prefix = "price-linkage"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.parameters = PriceLinkageParametersSet(350, 600, 0, DEFAULT_PROGRAMMES)
        self.months: dict[str, PriceSubsidyTriggered | PriceSubsidyLapsed] = {}
        self.recorded: set[str] = set()

    def configure(self, parameters: PriceLinkageParametersSet) -> None:
        """Set the parameters used for the months recorded from now on."""
        self.record(parameters)

    def record_index(self, month: str, cpi_bp: int, food_bp: int) -> None:
        """Record a month's figures and whether the subsidy is triggered or lapsed."""
        if month in self.recorded:
            raise IndexAlreadyRecorded(
                f"month: the indices of {month} are already recorded",
                f"month（月份）：{month}的价格指数已录入",
                field="month",
            )
        self.record(PriceIndexRecorded(month, cpi_bp, food_bp))
        p = self.parameters
        if cpi_bp >= p.cpi_threshold_bp or food_bp >= p.food_cpi_threshold_bp:
            self.record(
                PriceSubsidyTriggered(
                    month, cpi_bp, food_bp, p.subsidy_per_person_fen, p.covered_programmes
                )
            )
        else:
            self.record(PriceSubsidyLapsed(month, cpi_bp, food_bp))

    def subsidy_for(self, month: str, programme: str) -> int:
        """The subsidy per person for a programme in a month (0 when not triggered)."""
        decision = self.months.get(month)
        if isinstance(decision, PriceSubsidyTriggered) and programme in decision.covered_programmes:
            return decision.subsidy_per_person_fen
        return 0

    def when_PriceLinkageParametersSet(self, event: PriceLinkageParametersSet) -> None:
        self.parameters = event

    def when_PriceIndexRecorded(self, event: PriceIndexRecorded) -> None:
        self.recorded.add(event.month)

    def when_PriceSubsidyTriggered(self, event: PriceSubsidyTriggered) -> None:
        self.months[event.month] = event

    def when_PriceSubsidyLapsed(self, event: PriceSubsidyLapsed) -> None:
        self.months[event.month] = event
