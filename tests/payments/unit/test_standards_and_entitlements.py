"""Standards guards and entitlement arithmetic, to the fen (PAY-1, PAY-2): no I/O."""

from __future__ import annotations

from datetime import date

import pytest

from payments.domain.entitlement import Household, compute
from payments.domain.standards import (
    ExtremePovertyBelowDibao,
    Standard,
    StandardBelowGuidance,
    StandardSet,
    minimum_extreme_poverty,
)

COUNTY = "620102"


def standard(programme: str = "urban_dibao", fen: int = 70_000, **kw: object) -> StandardSet:
    fields: dict[str, object] = {
        "division_code": COUNTY,
        "programme": programme,
        "effective_from": date(2026, 1, 1),
        "monthly_per_person_fen": fen,
    }
    return StandardSet(**{**fields, **kw})  # type: ignore[arg-type]


@pytest.mark.req("PAY-1")
def test_a_county_standard_below_the_provincial_guidance_is_refused() -> None:
    # given a provincial guidance of 680 yuan per person per month
    guidance = standard(division_code="62", fen=68_000)
    county = Standard(Standard.id_for(COUNTY, "urban_dibao"))
    # when the county sets 679.99 yuan
    with pytest.raises(StandardBelowGuidance) as refused:
        county.set(standard(fen=67_999), guidance, None)
    # then it is refused naming the field, and nothing is recorded
    assert refused.value.extensions["field"] == "monthly_per_person_fen"
    assert county.pending == []
    # and the guidance itself is accepted
    county.set(standard(fen=68_000), guidance, None)
    assert len(county.pending) == 1


@pytest.mark.req("PAY-1")
def test_rural_class_amounts_below_the_guidance_are_refused() -> None:
    guidance = standard("rural_dibao", 50_000, division_code="62", class_amounts_fen={"1": 40_000})
    county = Standard(Standard.id_for(COUNTY, "rural_dibao"))
    with pytest.raises(StandardBelowGuidance) as refused:
        county.set(standard("rural_dibao", 50_000, class_amounts_fen={"1": 39_000}), guidance, None)
    assert refused.value.extensions["field"] == "class_amounts_fen.1"


@pytest.mark.req("PAY-1")
def test_extreme_poverty_must_be_at_least_1_3_times_the_local_dibao() -> None:
    # given a local dibao of 555.55 yuan: 1.3× is 722.215 yuan, i.e. 72,221.5 fen → 72,222 fen
    dibao = standard("rural_dibao", 55_555)
    assert minimum_extreme_poverty(55_555) == 72_222
    extreme = Standard(Standard.id_for(COUNTY, "extreme_poverty"))
    with pytest.raises(ExtremePovertyBelowDibao):
        extreme.set(standard("extreme_poverty", 72_221), None, dibao)
    extreme.set(standard("extreme_poverty", 72_222), None, dibao)
    assert extreme.pending[0].monthly_per_person_fen == 72_222


@pytest.mark.req("PAY-1")
def test_the_version_in_force_follows_the_effective_dates() -> None:
    county = Standard(Standard.id_for(COUNTY, "urban_dibao"))
    county.set(standard(fen=70_000), None, None)
    county.set(standard(fen=75_000, effective_from=date(2026, 7, 1)), None, None)
    assert county.in_force(date(2025, 12, 31)) is None
    assert county.in_force(date(2026, 6, 30)).monthly_per_person_fen == 70_000  # type: ignore[union-attr]
    assert county.in_force(date(2026, 7, 1)).monthly_per_person_fen == 75_000  # type: ignore[union-attr]


def household(
    programme: str = "urban_dibao", size: int = 3, income: int = 100_000, **kw: object
) -> Household:
    fields: dict[str, object] = {
        "programme": programme,
        "household_size": size,
        "assessed_monthly_income_fen": income,
        "rural_class": None,
        "approved_monthly_amount_fen": 0,
    }
    return Household(**{**fields, **kw})  # type: ignore[arg-type]


@pytest.mark.req("PAY-2")
def test_the_dibao_gap_is_standard_minus_per_capita_income_times_members() -> None:
    # given a standard of 700.00 yuan and a household of 3 earning 1,000.00 yuan a month
    # when the entitlement is computed: (700 − 1000/3) × 3 = 2100 − 1000 = 1,100.00 yuan
    computed = compute(household(), standard(fen=70_000))
    # then it is 110,000 fen, explained
    assert computed.monthly_amount_fen == 110_000
    assert computed.method == "dibao_gap"
    assert "110000" in computed.explanation_en and "保障标准" in computed.explanation_zh
    # and it names the standard it was computed under, whose and from when (GEN-4)
    used = standard(fen=70_000)
    assert computed.explanation_en.endswith(
        f"under the standard of {used.division_code} from {used.effective_from}"
    )
    assert f"依据{used.division_code}自{used.effective_from}起执行的标准" in computed.explanation_zh


@pytest.mark.req("PAY-2")
def test_a_small_gap_is_raised_to_the_floor() -> None:
    # given a gap of 2100.00 − 2090.00 = 10.00 yuan for 3 people and a floor of 50.00 per person
    computed = compute(household(income=209_000), standard(fen=70_000, floor_per_person_fen=5_000))
    # then 150.00 yuan is paid
    assert computed.monthly_amount_fen == 15_000
    assert "floor" in computed.explanation_en


@pytest.mark.req("PAY-2")
def test_rural_class_amounts_and_fixed_subsidies() -> None:
    rural = standard("rural_dibao", 50_000, class_amounts_fen={"1": 45_600, "2": 43_300})
    assert compute(household("rural_dibao", 2, rural_class=1), rural).monthly_amount_fen == 91_200
    elderly = standard("elderly_subsidy", 10_000)
    assert compute(household("elderly_subsidy", 1), elderly).monthly_amount_fen == 10_000


@pytest.mark.req("PAY-2")
def test_an_amount_decided_by_verification_is_paid_as_approved() -> None:
    computed = compute(household(approved_monthly_amount_fen=33_333), standard())
    assert (computed.monthly_amount_fen, computed.method) == (33_333, "approved")


@pytest.mark.req("PAY-4")
def test_a_task_is_due_by_the_end_of_june_by_default_and_met_late_after() -> None:
    from payments.domain.tasks import due_date, task_status
    from payments.entrypoints.api_tasks import TaskIn

    body = TaskIn(year=2017, task_id="t", title="提高城市低保指导标准", programme="urban_dibao",
                  target_fen=1, reason="x")  # fmt: skip
    assert body.due is None  # the domain dates it 30 June of the year
    june_30 = date(2017, 6, 30)
    assert due_date(body.year, body.due) == june_30
    assert due_date(2017, date(2017, 9, 30)) == date(2017, 9, 30)
    assert task_status(date(2017, 6, 30), june_30, date(2017, 7, 1)) == "met"
    assert task_status(date(2017, 7, 1), june_30, date(2017, 7, 2)) == "met_late"
    assert task_status(None, june_30, date(2017, 6, 30)) == "open"
    assert task_status(None, june_30, date(2017, 7, 1)) == "overdue"


@pytest.mark.req("PAY-1", "PAY-2")
def test_extreme_poverty_adds_the_care_standard_of_the_persons_self_care_ability() -> None:
    basic = standard("extreme_poverty", 91_000, care_amounts_fen={"full": 0, "partial": 20_000,
                                                                  "none": 60_000})  # fmt: skip
    partial = household("extreme_poverty", 1, 0, self_care="partial")
    computed = compute(partial, basic)
    assert computed.monthly_amount_fen == 111_000
    assert "照料护理" in computed.explanation_zh
    assert compute(household("extreme_poverty", 1, 0), basic).monthly_amount_fen == 91_000
