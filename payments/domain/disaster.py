"""Disaster relief (受灾人员救助): allocation, household grants in priority order, shelters (PAY-6).

The notice's order: collapsed-house rebuild households, disaster-affected dibao households,
scattered extreme-poverty persons, families with disabled members (then everyone else).
Households still in temporary shelter are tracked until their housing is solved, against the
year-end target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from payments.domain.funds import InsufficientFunds
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

PRIORITY = {
    "collapsed_house_rebuild": 1,  # 倒房重建户
    "dibao_household": 2,  # 受灾低保户
    "scattered_extreme_poverty": 3,  # 散居特困人员
    "disabled_family": 4,  # 残疾人家庭
    "other": 5,
}


@event_type("payments.DisasterDeclared", version=1)
@dataclass(frozen=True)
class DisasterDeclared:
    """A disaster in a county with the relief money allocated to it."""

    disaster_id: str
    county_code: str
    name: str
    occurred_on: date
    allocation_fen: int
    housing_target: date


@event_type("payments.DisasterReliefGranted", version=1)
@dataclass(frozen=True)
class DisasterReliefGranted:
    """Relief granted to a household; paid at once, in priority order."""

    disaster_id: str
    household_id: str
    case_id: str
    category: str
    priority: int
    amount_fen: int
    in_temporary_shelter: bool


@event_type("payments.HousingSolved", version=1)
@dataclass(frozen=True)
class HousingSolved:
    """A household left temporary shelter for a solved home (rebuilt, repaired, placed)."""

    disaster_id: str
    household_id: str
    solved_on: date
    how: str


def housing_target(occurred_on: date, target: date | None = None) -> date:
    """By when the households still sheltered must be housed: as decided, else by the end of the
    year after the disaster (the notice: those still sheltered after last year's disasters are
    housed this year)."""
    return target or date(occurred_on.year + 1, 12, 31)


class ReliefRefused(DomainError):
    """A grant or a shelter change that does not fit the disaster's record."""

    code = "disaster-relief-refused"
    status = 409
    title_en = "The relief cannot be recorded"
    title_zh = "救灾款物发放登记被拒绝"


class Disaster(Aggregate):
    """One disaster's relief."""

    stream_prefix = "disaster"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.declared: DisasterDeclared | None = None
        self.granted: dict[str, DisasterReliefGranted] = {}
        self.solved: dict[str, HousingSolved] = {}

    def declare(self, declared: DisasterDeclared) -> None:
        """Declare once."""
        if self.declared is not None:
            raise ReliefRefused(f"disaster {self.id} exists", f"灾害{self.id}已登记")
        self.record(declared)

    def grant(self, grant: DisasterReliefGranted) -> None:
        """Grant once per household, never beyond the allocation."""
        assert self.declared is not None
        if grant.household_id in self.granted:
            raise ReliefRefused(
                f"household_id {grant.household_id} already received relief",
                f"household_id（户编号）{grant.household_id}已发放救灾资金",
                field="household_id",
            )
        total = self.granted_fen + grant.amount_fen
        if total > self.declared.allocation_fen:
            raise InsufficientFunds(
                f"amount_fen: grants would reach {total} fen of {self.declared.allocation_fen}"
                " allocated",
                f"amount_fen（发放金额）：累计{total}分，超过下拨的{self.declared.allocation_fen}分",
                field="amount_fen",
            )
        self.record(grant)

    def solve_housing(self, solved: HousingSolved) -> None:
        """Close a shelter case once."""
        grant = self.granted.get(solved.household_id)
        if grant is None or not grant.in_temporary_shelter or solved.household_id in self.solved:
            raise ReliefRefused(
                f"household {solved.household_id} is not in temporary shelter",
                f"户{solved.household_id}不在临时安置中",
                field="household_id",
            )
        self.record(solved)

    @property
    def county_code(self) -> str:
        """The county the disaster was declared in (its jurisdiction)."""
        assert self.declared is not None, "a disaster's stream starts with its declaration"
        return self.declared.county_code

    @property
    def granted_fen(self) -> int:
        """Relief granted so far."""
        return sum(g.amount_fen for g in self.granted.values())

    @property
    def in_shelter(self) -> list[str]:
        """Households still in temporary shelter."""
        return sorted(
            h for h, g in self.granted.items() if g.in_temporary_shelter and h not in self.solved
        )

    def when_DisasterDeclared(self, event: DisasterDeclared) -> None:
        self.declared = event

    def when_DisasterReliefGranted(self, event: DisasterReliefGranted) -> None:
        self.granted[event.household_id] = event

    def when_HousingSolved(self, event: HousingSolved) -> None:
        self.solved[event.household_id] = event
