"""Payments reads the approval's amount basis (rule or override, VER-7) and pays extreme poverty
the basic standard plus each person's care standard (PAY-1, PAY-2)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from payments.application.enrol import fixed_amount_of, recomputed
from payments.domain.beneficiary import BeneficiaryEnrolled
from payments.domain.entitlement import Household, compute
from payments.domain.standards import StandardSet
from shared.contracts.verification import CaseApproved

CARES = {"full": 0, "partial": 30_000, "none": 60_000}


def extreme_poverty(fen: int = 100_000) -> StandardSet:
    """The county's extreme-poverty standard with its care standards."""
    return StandardSet("620102", "extreme_poverty", date(2026, 1, 1), fen, 0, {}, CARES)


def approval(**data: Any) -> CaseApproved:
    """verification.CaseApproved v1 as verification publishes it, read through its contract."""
    return CaseApproved.model_validate(
        {"case_id": "c", "programme": "urban_dibao", "division_code": "620102001001",
         "county_code": "620102", "registration": "urban", "household_size": 1,
         "members": [{"resident_id": "11010519491231002X", "name": "李桂兰", "relation": "self"}],
         "assessed_monthly_income_fen": 0, "approved_monthly_amount_fen": 60_000,
         "rural_class": None, "effective_from": "2026-01-01", "next_review_due": "2027-01-01",
         "bank_account": None, **data}
    )  # fmt: skip


@pytest.mark.req("VER-7", "PAY-2")
def test_an_approval_by_rule_carries_no_fixed_amount_whatever_its_number_says() -> None:
    assert fixed_amount_of(approval(amount_basis="rule")) == 0
    assert fixed_amount_of(approval(amount_basis="override")) == 60_000


@pytest.mark.req("VER-7", "PAY-2")
def test_approvals_recorded_before_the_basis_read_0_as_rule_and_else_as_fixed() -> None:
    assert fixed_amount_of(approval()) == 60_000
    assert fixed_amount_of(approval(approved_monthly_amount_fen=0)) == 0


@pytest.mark.req("PAY-2")
def test_an_override_is_paid_as_fixed_and_says_it_is_not_recomputed() -> None:
    household = Household("urban_dibao", 1, 10_000, None, 66_600)
    computed = compute(household, None)
    assert (computed.monthly_amount_fen, computed.method) == (66_600, "approved")
    assert "not recomputed" in computed.explanation_en


@pytest.mark.req("PAY-1", "VER-8")
def test_extreme_poverty_pays_the_basic_standard_plus_each_persons_care_standard() -> None:
    # given two extreme-poverty persons, one partly dependent (半失能), one fully self-caring
    household = Household("extreme_poverty", 2, 0, None, 0, members_self_care=("partial", "full"))
    # when the entitlement is computed: 1000 × 2 + 300 + 0
    computed = compute(household, extreme_poverty())
    # then 2,300.00 yuan, explained
    assert (computed.monthly_amount_fen, computed.method) == (230_000, "basic_and_care")
    assert "半失能" in computed.explanation_zh and "30000" in computed.explanation_en


@pytest.mark.req("PAY-1", "PAY-4")
def test_a_raise_of_the_basic_standard_keeps_the_care_standard_of_the_enrolled_person() -> None:
    enrolled = BeneficiaryEnrolled(
        "c", "extreme_poverty", "620102001001", "620102", "urban", 1, 0, None, 0, 160_000,
        date(2026, 1, 1), "李桂兰", None, members_self_care=("none",),
    )  # fmt: skip
    assert recomputed(enrolled, extreme_poverty(110_000)).monthly_amount_fen == 170_000
