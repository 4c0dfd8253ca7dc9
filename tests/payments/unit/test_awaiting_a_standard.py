"""The rule of an amount by rule where no standard is in force (ADR 0041): enrolled at 0, awaiting
a standard, not payable until one governs it; no I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from payments.application.enrol import entitlement_of, recomputed
from payments.domain.beneficiary import (
    Beneficiary,
    BeneficiaryAwaitingStandard,
    BeneficiaryEnrolled,
)
from payments.domain.entitlement import (
    AWAITING_STANDARD,
    Household,
    compute,
    compute_or_await,
    compute_since,
)
from payments.domain.standards import NoStandard, Standard, StandardSet

COUNTY = "620421"
APPROVED_ON = date(2027, 3, 1)
BY_RULE = Household("urban_dibao", 2, 50_000, None, 0)


def _standard(fen: int = 70_000) -> StandardSet:
    return StandardSet(COUNTY, "urban_dibao", date(2027, 1, 1), fen)


def _enrolled(amount: int = 0) -> BeneficiaryEnrolled:
    return BeneficiaryEnrolled(
        "case-w", "urban_dibao", f"{COUNTY}001", COUNTY, "urban", 2, 50_000, None, 0, amount,
        APPROVED_ON, "王秀英", "6228480012345670421",
    )  # fmt: skip


def _awaiting_beneficiary() -> Beneficiary:
    beneficiary = Beneficiary("case-w:urban_dibao")
    enrolled = _enrolled()
    computed = compute_or_await(BY_RULE, None, COUNTY, APPROVED_ON)
    beneficiary.enrol(
        enrolled, entitlement_of(enrolled, computed, APPROVED_ON), ("zhao-07", "county_officer")
    )
    return beneficiary


@pytest.mark.req("PAY-2")
def test_an_amount_by_rule_without_a_standard_awaits_one_and_says_which() -> None:
    computed = compute_or_await(BY_RULE, None, COUNTY, APPROVED_ON)
    assert (computed.monthly_amount_fen, computed.method) == (0, AWAITING_STANDARD)
    assert computed.explanation_en == f"no standard in force for {COUNTY}/urban_dibao on 2027-03-01"
    assert computed.standard_fen is None and COUNTY in computed.explanation_zh


@pytest.mark.req("PAY-2")
def test_a_standard_or_a_fixed_amount_is_computed_as_before() -> None:
    # (700 × 2 − 500) yuan = 900 yuan by the dibao gap
    assert compute_or_await(BY_RULE, _standard(), COUNTY, APPROVED_ON).monthly_amount_fen == 90_000
    fixed = Household("urban_dibao", 2, 50_000, None, 60_000)
    assert compute_or_await(fixed, None, COUNTY, APPROVED_ON).method == "approved"


@pytest.mark.req("PAY-2")
def test_the_enrolment_records_who_approved_it_and_why_it_waits() -> None:
    beneficiary = _awaiting_beneficiary()
    awaiting = beneficiary.pending[-1]
    assert awaiting == BeneficiaryAwaitingStandard(
        "case-w", "urban_dibao", f"{COUNTY}001", COUNTY, APPROVED_ON, "zhao-07",
        "county_officer", f"no standard in force for {COUNTY}/urban_dibao on 2027-03-01",
    )  # fmt: skip
    assert beneficiary.awaits_standard_on(date(2027, 3, 31))
    assert not beneficiary.awaits_standard_on(date(2027, 2, 28))  # not enrolled then


@pytest.mark.req("PAY-2")
def test_an_enrolment_with_a_standard_records_no_wait() -> None:
    beneficiary = Beneficiary("case-w:urban_dibao")
    enrolled = _enrolled(90_000)
    computed = compute_or_await(BY_RULE, _standard(), COUNTY, APPROVED_ON)
    beneficiary.enrol(enrolled, entitlement_of(enrolled, computed, APPROVED_ON))
    assert not any(isinstance(e, BeneficiaryAwaitingStandard) for e in beneficiary.pending)
    assert not beneficiary.awaits_standard_on(date(2027, 3, 31))


@pytest.mark.req("PAY-4")
def test_a_standard_set_later_ends_the_wait_from_its_own_date() -> None:
    beneficiary = _awaiting_beneficiary()
    raised_from = date(2027, 5, 1)
    enrolled = _enrolled()
    beneficiary.recalculate(
        entitlement_of(enrolled, recomputed(enrolled, _standard()), raised_from)
    )
    assert beneficiary.awaits_standard_on(date(2027, 4, 30))
    assert not beneficiary.awaits_standard_on(date(2027, 5, 31))
    assert beneficiary.amount_on(date(2027, 5, 31)) == 90_000


@pytest.mark.req("PAY-3")
def test_the_periods_a_run_could_not_pay_are_kept_by_reason() -> None:
    beneficiary = _awaiting_beneficiary()
    for run, period, reason in (("r4", "2027-04", "no-standard"), ("r3", "2027-03", "no-standard"),
                                ("r5", "2027-05", "no-bank-account")):  # fmt: skip
        beneficiary.unpayable(run, period, reason)
    assert beneficiary.periods_unpaid_for("no-standard") == ["2027-03", "2027-04"]
    assert not beneficiary.unpayable("r4b", "2027-04", "no-standard")  # once per period


def test_without_the_awaiting_rule_the_same_household_cannot_be_computed() -> None:
    # the gap ADR 0041 closes: compute alone refuses, which used to end in the dead letters
    with pytest.raises(NoStandard):
        compute(BY_RULE, None)


@pytest.mark.req("PAY-2", "PAY-4")
def test_an_approval_before_the_standard_waits_only_until_each_version_takes_effect() -> None:
    # given a standard from May, raised from July, and an approval by rule from March
    standard = Standard(f"{COUNTY}:urban_dibao")
    for since, fen in ((date(2027, 5, 1), 70_000), (date(2027, 7, 1), 80_000)):
        standard.set(replace(_standard(fen), effective_from=since), None, None)
    computed = compute_since(BY_RULE, standard, COUNTY, APPROVED_ON)
    # then March waits for the standard, May is 700 × 2 − 500, July 800 × 2 − 500 yuan
    assert [(day, c.method, c.monthly_amount_fen) for day, c in computed] == [
        (APPROVED_ON, AWAITING_STANDARD, 0),
        (date(2027, 5, 1), "dibao_gap", 90_000),
        (date(2027, 7, 1), "dibao_gap", 110_000),
    ]
    # and a fixed amount is never recomputed
    fixed = Household("urban_dibao", 2, 50_000, None, 60_000)
    assert [c.method for _, c in compute_since(fixed, standard, COUNTY, APPROVED_ON)] == [
        "approved"
    ]
