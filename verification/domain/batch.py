"""A county batch of one township's proposals and its spot-check sample (VER-5)."""

from __future__ import annotations

import math
import random
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from shared.domain.aggregate import Aggregate
from verification.domain import events as ev
from verification.domain.errors import (
    InvalidBatch,
    NotInSample,
    SpotCheckRateTooLow,
    StageOutOfOrder,
)

MINIMUM_RATE = Decimal("0.30")


def parse_rate(text: str, floor: Decimal = MINIMUM_RATE, field: str = "rate") -> Decimal:
    """A spot-check rate: a decimal in [floor, 1]; never below 30% (configurable upward only)."""
    try:
        rate = Decimal(text)
    except InvalidOperation:
        rate = Decimal(-1)
    if not rate.is_finite() or rate < max(floor, MINIMUM_RATE) or rate > 1:
        raise SpotCheckRateTooLow(
            f"rate {text} must lie between {max(floor, MINIMUM_RATE)} and 1",
            f"抽查比例 {text} 应在 {max(floor, MINIMUM_RATE)} 与 1 之间",
            field=field,
        )
    return rate


def sample_size(rate: Decimal, households: int) -> int:
    """⌈rate × n⌉, computed exactly."""
    return math.ceil(Fraction(rate) * households)


def draw_sample(seed: str, households: list[str], rate: Decimal) -> tuple[str, ...]:
    """The sample an auditor re-derives from the recorded seed: sorted input, seeded draw."""
    ordered = sorted(households)
    chosen = random.Random(seed).sample(ordered, sample_size(rate, len(ordered)))
    return tuple(sorted(chosen))


def full_sample(
    seed: str, households: list[str], rate: Decimal, declared_relatives: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The random draw plus every household with a declared relative of an official (INT-10)."""
    return tuple(sorted(set(draw_sample(seed, households, rate)) | set(declared_relatives)))


class CountyBatch(Aggregate):
    """The proposals of one township that the county decides together."""

    stream_prefix = "verification-batch"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.drawn: ev.SpotCheckSampleDrawn | None = None
        self.visited: set[str] = set()

    def form(
        self,
        county_code: str,
        township_code: str,
        households: list[str],
        rate: Decimal,
        seed: str,
        policy: tuple[int, Decimal] | None = None,
        declared_relatives: tuple[str, ...] = (),
    ) -> None:
        """Form the batch and draw its sample with the given seed; `policy` is the version of the
        spot-check rate setting in force (0: the deployment default) and the rate it requires.
        Households with a declared relative of an official join the sample whatever the draw."""
        if self.drawn is not None:
            raise InvalidBatch(f"batch {self.id} already exists", f"批次 {self.id} 已存在")
        if not households or len(set(households)) != len(households):
            raise InvalidBatch(
                "a batch needs one or more distinct proposals",
                "批次须包含至少一户且不重复",
                field="cases",
            )
        relatives = tuple(sorted(set(declared_relatives) & set(households)))
        self.record(
            ev.SpotCheckSampleDrawn(
                batch_id=self.id,
                county_code=county_code,
                township_code=township_code,
                households=tuple(sorted(households)),
                rate=str(rate),
                seed=seed,
                sample=full_sample(seed, households, rate, relatives),
                policy_version=policy[0] if policy else None,
                policy_rate=str(policy[1]) if policy else None,
                declared_relatives=relatives,
            )
        )

    def record_visit(
        self, household: str, visited_by: list[str], visited_on: date, findings: str, confirms: bool
    ) -> None:
        """A county visit to a sampled household."""
        if self.drawn is None:
            raise StageOutOfOrder(f"batch {self.id} does not exist", "批次不存在")
        if household not in self.drawn.sample:
            raise NotInSample(
                f"{household} was not sampled in batch {self.id}",
                f"{household} 不在批次 {self.id} 的抽查样本中",
                field="case_id",
            )
        self.record(
            ev.SpotCheckRecorded(
                batch_id=self.id,
                household=household,
                visited_by=tuple(visited_by),
                visited_on=visited_on,
                findings=findings,
                confirms_proposal=confirms,
            )
        )

    @property
    def complete(self) -> bool:
        """True when every sampled household has a recorded county visit."""
        return self.drawn is not None and set(self.drawn.sample) <= self.visited

    def when_SpotCheckSampleDrawn(self, event: ev.SpotCheckSampleDrawn) -> None:
        self.drawn = event

    def when_SpotCheckRecorded(self, event: ev.SpotCheckRecorded) -> None:
        self.visited.add(event.household)
