"""Programme kinds, eligible persons and stop dates: pure rules, no I/O (PAY-2, PAY-3, PAY-8)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled
from payments.domain.entitlement import Household, compute
from payments.domain.programmes import Kind, eligible_persons, kind_of
from payments.domain.standards import StandardSet

ON = date(2026, 11, 1)
ELDER: dict[str, Any] = {"resident_id": "11010519491231002X", "name": "张桂兰", "relation": "self"}
CHILD: dict[str, Any] = {"resident_id": "", "name": "成员", "relation": "child"}


@pytest.mark.req("PAY-8", "PAY-2")
def test_each_programme_has_one_declared_kind() -> None:
    assert kind_of("temporary_assistance") is Kind.ONE_OFF
    assert kind_of("disability_subsidies") is Kind.PER_PERSON
    assert kind_of("elderly_subsidy") is Kind.PER_PERSON
    assert kind_of("urban_dibao") is Kind.MONTHLY


@pytest.mark.req("PAY-2")
def test_fixed_subsidies_count_eligible_persons_only() -> None:
    # given households of three: one elderly member; two members graded disabled
    assert eligible_persons("elderly_subsidy", [ELDER, CHILD, CHILD], ON) == 1
    graded = [ELDER, {**CHILD, "disability_grade": 1}, {**CHILD, "disability_grade": 3}]
    assert eligible_persons("disability_subsidies", graded, ON) == 2
    # and an approval that carries no grade at all pays the applicant approved
    assert eligible_persons("disability_subsidies", [ELDER, CHILD, CHILD], ON) == 1
    # when the subsidy of 100 yuan per person is computed, it is × eligible persons, not × 3
    standard = StandardSet("620102", "elderly_subsidy", ON, 10_000)
    computed = compute(Household("elderly_subsidy", 3, 0, None, 0, None, 1), standard)
    assert computed.monthly_amount_fen == 10_000
    assert "× 1 eligible persons" in computed.explanation_en
    # and a programme paid per member keeps the household size
    extreme = StandardSet("620102", "extreme_poverty", ON, 10_000)
    assert compute(Household("extreme_poverty", 3, 0, None, 0), extreme).monthly_amount_fen == (
        30_000
    )


@pytest.mark.req("PAY-3", "VER-7")
def test_a_period_is_payable_unless_stopped_on_or_before_its_first_day() -> None:
    beneficiary = Beneficiary("case-1:urban_dibao")
    beneficiary.record(
        BeneficiaryEnrolled(
            "case-1", "urban_dibao", "620102001", "620102", "urban", 1, 0, None, 0, 50_000,
            date(2026, 1, 1), "张", None,
        )
    )  # fmt: skip
    # given a suspension effective 1 January (a death in December)
    beneficiary.suspend(date(2027, 1, 1), "死亡")
    # then December is still paid, January is not
    assert beneficiary.payable_in(date(2026, 12, 1))
    assert not beneficiary.payable_in(date(2027, 1, 1))
    # and a later termination does not move the stop date later
    beneficiary.terminate(date(2027, 3, 1), "注销")
    assert beneficiary.stopped_from == date(2027, 1, 1)
