"""The field rules of a caseload file's rows, and a household imported whole or not at all
(issue #18, ADR 0037, docs/migration.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from shared.identity import check_char
from verification.application.migration import rules
from verification.application.migration.layout import COLUMNS
from verification.application.migration.rules import Bad, Household, Reject, validate_household

TODAY = date(2026, 11, 23)
COUNTY = "620102"


def resident(sequence: int, born: str = "19600101") -> str:
    first17 = f"{COUNTY}{born}{sequence:03d}"
    return first17 + check_char(first17)


def row(**cells: str) -> dict[str, str]:
    base = {
        "household_ref": "CG-2019-00871", "programme": "urban_dibao",
        "division_code": "620102001", "registration": "urban", "approved_on": "2019-06-18",
        "assessed_monthly_income_fen": "32000", "member_resident_id": resident(11),
        "member_name": "张桂兰", "member_relation": "self",
    }  # fmt: skip
    return {**dict.fromkeys(COLUMNS, ""), **base, **cells}


def household(*records: dict[str, str]) -> Household | list[Reject]:
    return validate_household(list(enumerate(records, start=2)), COUNTY, TODAY)


def refused(outcome: Household | list[Reject]) -> set[tuple[int, str]]:
    assert isinstance(outcome, list), "the household was accepted"
    return {(r.row, r.field) for r in outcome}


@pytest.mark.parametrize(
    ("rule", "text", "args"),
    [
        (rules.household_ref, "", ()),
        (rules.household_ref, "户号 1", ()),
        (rules.programme, "dibao", ()),
        (rules.programme, "medical_assistance", ()),  # decided by another agency, not here
        (rules.division_code, "620102", (COUNTY,)),  # a county, not a township or village
        (rules.division_code, "620103001", (COUNTY,)),  # another county
        (rules.division_code, "999999001", (None,)),
        (rules.registration, "city", ()),
        (rules.small_int, "5", (1, 4)),
        (rules.small_int, "二", (1, 4)),
        (rules.fen, "320.50", ()),
        (rules.fen, "-1", ()),
        (rules.fen, "1,000", ()),
        (rules.civil_date, "2021-02-30", (TODAY,)),
        (rules.civil_date, "1989-12-31", (TODAY,)),
        (rules.resident_id, resident(11)[:-1] + "Y", (TODAY,)),
        (rules.resident_id, "62010219600101", (TODAY,)),
        (rules.bank_account, "6228-XYZ", ()),
        (rules.bank_account, "123", ()),
        (rules.member_name, "张3", ()),
        (rules.choice, "half", (rules.SELF_CARE,)),
    ],
)
def test_each_field_rule_refuses_what_it_names(rule: Any, text: str, args: tuple[Any]) -> None:
    with pytest.raises(Bad) as refusal:
        rule(text, *args)
    assert refusal.value.zh and refusal.value.en


def test_field_rules_read_what_they_accept() -> None:
    assert rules.fen("32000") == 32_000
    assert rules.civil_date("2019/6/18", TODAY) == date(2019, 6, 18)
    assert rules.bank_account("6228 4800 1234 5678 901") == "6228480012345678901"
    assert rules.division_code("620102001001", COUNTY) == "620102001001"
    assert rules.choice("", rules.SELF_CARE) is None


def test_an_approval_dated_after_today_is_refused() -> None:
    with pytest.raises(Bad):
        rules.civil_date("2026-11-24", TODAY, not_after_today=True)


def test_a_refused_resident_id_is_shown_masked_never_in_clear() -> None:
    wrong = resident(11)[:-1] + ("0" if resident(11)[-1] != "0" else "1")
    with pytest.raises(Bad) as refusal:
        rules.resident_id(wrong, TODAY)
    assert wrong not in refusal.value.zh + refusal.value.en
    assert "620***********" in refusal.value.en


def test_a_valid_household_is_read_with_its_members_and_defaults() -> None:
    child = row(member_resident_id=resident(12), member_name="李建国", member_relation="child",
                member_disability_grade="2")  # fmt: skip
    outcome = household(row(), child)
    assert isinstance(outcome, Household)
    assert outcome.effective_from == date(2019, 6, 18)  # the approval day when not given
    assert [m.relation for m in outcome.members] == ["self", "child"]
    assert outcome.members[1].disability_grade == 2
    assert outcome.monthly_amount_fen is None  # by rule: payments computes it


def test_one_bad_row_refuses_the_whole_household_naming_each_row() -> None:
    outcome = household(row(), row(member_resident_id="620102", member_relation="child"))
    assert refused(outcome) == {(3, "member_resident_id"), (2, "household")}


def test_household_columns_must_agree_on_every_row() -> None:
    outcome = household(row(), row(member_resident_id=resident(12), member_relation="spouse",
                                   assessed_monthly_income_fen="1"))  # fmt: skip
    assert (3, "assessed_monthly_income_fen") in refused(outcome)


def test_a_household_needs_exactly_one_applicant() -> None:
    outcome = household(row(), row(member_resident_id=resident(12)))  # two "self"
    assert (2, "member_relation") in refused(outcome)


def test_a_member_listed_twice_is_refused() -> None:
    outcome = household(row(), row(member_relation="spouse"))
    assert (3, "member_resident_id") in refused(outcome)


def test_extreme_poverty_needs_each_members_self_care_and_only_it_a_care_arrangement() -> None:
    extreme = household(row(programme="extreme_poverty", registration="rural"))
    assert (2, "member_self_care") in refused(extreme)
    dibao = household(row(care_arrangement="centralised"))
    assert (2, "care_arrangement") in refused(dibao)


def test_a_fixed_amount_must_be_above_zero() -> None:
    assert (2, "monthly_amount_fen") in refused(household(row(monthly_amount_fen="0")))
