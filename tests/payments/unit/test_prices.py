"""The price linkage aggregate's rules (物价上涨挂钩联动机制, PAY-5): the trigger and the subsidy.

Indices are year-on-year changes in basis points. Pure rules on the aggregate; the round trip
and the concurrency through a Repository over the in-memory event store.
"""

from __future__ import annotations

import pytest

from payments.domain.events import register_events
from payments.domain.prices import (
    DEFAULT_PROGRAMMES,
    IndexAlreadyRecorded,
    PriceIndexRecorded,
    PriceLinkage,
    PriceLinkageParametersSet,
    PriceSubsidyLapsed,
    PriceSubsidyTriggered,
)
from shared.clock import ManualClock, current_period
from shared.domain.errors import ConcurrencyConflict
from tests.in_memory import PINNED, in_memory, staff
from tests.support import months_from

pytestmark = pytest.mark.req("PAY-5")

PROVINCE = "62"
THIS_MONTH = current_period(ManualClock(PINNED))
LAST_MONTH, NEXT_MONTH = months_from(THIS_MONTH, -1), months_from(THIS_MONTH, 1)
SUBSIDY = PriceLinkageParametersSet(350, 600, 5_000, DEFAULT_PROGRAMMES)  # 50 yuan a person


def configured(parameters: PriceLinkageParametersSet = SUBSIDY) -> PriceLinkage:
    """The province's linkage with its parameters set."""
    linkage = PriceLinkage(PROVINCE)
    linkage.configure(parameters)
    return linkage


@pytest.mark.parametrize(
    ("cpi_bp", "food_bp", "triggered"),
    [
        (350, 0, True),  # CPI at 3.5% is enough
        (0, 600, True),  # food CPI at 6% is enough
        (349, 599, False),  # just below both
        (-120, -300, False),  # falling prices
        (900, 900, True),
    ],
)
def test_the_subsidy_is_triggered_when_cpi_or_food_cpi_reaches_its_threshold(
    cpi_bp: int, food_bp: int, triggered: bool
) -> None:
    # given the default thresholds (3.5% CPI, 6% food CPI) and a subsidy of 50 yuan
    linkage = configured()
    # when the month's indices are recorded
    linkage.record_index(THIS_MONTH, cpi_bp, food_bp)
    # then the figures are recorded, followed by the month's decision
    recorded, decision = linkage.pending[1:]
    assert recorded == PriceIndexRecorded(THIS_MONTH, cpi_bp, food_bp)
    if triggered:
        assert decision == PriceSubsidyTriggered(
            THIS_MONTH, cpi_bp, food_bp, 5_000, DEFAULT_PROGRAMMES
        )
    else:
        assert decision == PriceSubsidyLapsed(THIS_MONTH, cpi_bp, food_bp)
    assert linkage.subsidy_for(THIS_MONTH, "urban_dibao") == (5_000 if triggered else 0)


def test_a_months_indices_are_recorded_once() -> None:
    linkage = configured()
    linkage.record_index(THIS_MONTH, 400, 700)
    with pytest.raises(IndexAlreadyRecorded) as refused:
        linkage.record_index(THIS_MONTH, 100, 100)
    assert (refused.value.status, refused.value.extensions) == (409, {"field": "month"})
    assert len(linkage.pending) == 3
    assert linkage.subsidy_for(THIS_MONTH, "rural_dibao") == 5_000  # the first figures stand


def test_the_subsidy_goes_only_to_the_covered_programmes_of_triggered_months() -> None:
    # given a subsidy for urban dibao only, a triggered month and a lapsed one
    linkage = configured(PriceLinkageParametersSet(350, 600, 3_000, ("urban_dibao",)))
    linkage.record_index(LAST_MONTH, 360, 0)
    linkage.record_index(THIS_MONTH, 200, 300)
    # then urban dibao gets it for the triggered month only, others never, unrecorded months not
    assert linkage.subsidy_for(LAST_MONTH, "urban_dibao") == 3_000
    assert linkage.subsidy_for(LAST_MONTH, "extreme_poverty") == 0
    assert linkage.subsidy_for(THIS_MONTH, "urban_dibao") == 0
    assert linkage.subsidy_for(NEXT_MONTH, "urban_dibao") == 0


def test_new_parameters_apply_to_months_recorded_after_them_only() -> None:
    # given a month triggered under a 50-yuan subsidy
    linkage = configured()
    linkage.record_index(LAST_MONTH, 400, 0)
    # when the thresholds are raised to 4% and the subsidy to 80 yuan
    linkage.configure(PriceLinkageParametersSet(400, 700, 8_000, DEFAULT_PROGRAMMES))
    linkage.record_index(THIS_MONTH, 390, 650)  # below both new thresholds
    linkage.record_index(NEXT_MONTH, 400, 0)
    # then the earlier month keeps its decision and amount, later ones follow the new parameters
    months = (LAST_MONTH, THIS_MONTH, NEXT_MONTH)
    assert [linkage.subsidy_for(m, "urban_dibao") for m in months] == [5_000, 0, 8_000]


def test_before_any_parameters_are_set_a_triggered_month_pays_nothing() -> None:
    # the default thresholds apply, but no subsidy amount has been set yet
    linkage = PriceLinkage(PROVINCE)
    linkage.record_index(THIS_MONTH, 500, 800)
    assert isinstance(linkage.months[THIS_MONTH], PriceSubsidyTriggered)
    assert linkage.subsidy_for(THIS_MONTH, "urban_dibao") == 0


async def test_the_linkage_reads_back_with_its_parameters_and_decisions() -> None:
    # given parameters and two months recorded, saved
    repository = in_memory(PriceLinkage, register_events)
    linkage = configured(PriceLinkageParametersSet(350, 600, 4_000, ("urban_dibao", "rural_dibao")))
    linkage.record_index(LAST_MONTH, 380, 720)
    linkage.record_index(THIS_MONTH, 120, 200)
    await repository.save(
        linkage, staff("统计部门发布", division="62", role="province_officer"), None
    )

    # when it is loaded
    loaded = await repository.get(PROVINCE)

    # then parameters, recorded months and decisions are as saved, and so is the subsidy
    assert (loaded.parameters, loaded.months, loaded.recorded) == (
        linkage.parameters, linkage.months, linkage.recorded
    )  # fmt: skip
    assert loaded.subsidy_for(LAST_MONTH, "rural_dibao") == 4_000 and loaded.version == 5
    with pytest.raises(IndexAlreadyRecorded):
        loaded.record_index(LAST_MONTH, 380, 720)


async def test_a_month_recorded_twice_at_once_is_stored_once() -> None:
    # given the linkage configured, loaded by two officers
    repository = in_memory(PriceLinkage, register_events)
    await repository.save(configured(), staff("设定参数", division="62"), None)
    first, second = await repository.get(PROVINCE), await repository.get(PROVINCE)
    # when both record this month's indices, with different figures
    first.record_index(THIS_MONTH, 400, 0)
    second.record_index(THIS_MONTH, 100, 0)
    await repository.save(first, staff("统计部门发布", division="62"), None)
    # then the second save conflicts, and the first figures decide the month
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("统计部门发布", division="62"), None)
    reloaded = await repository.get(PROVINCE)
    assert reloaded.subsidy_for(THIS_MONTH, "urban_dibao") == 5_000
