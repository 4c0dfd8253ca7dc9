"""The policy book (ADR 0017): which setting is in force for a division on a day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shared.policy import (
    InvalidPolicyScope,
    InvalidPolicyValue,
    PolicyBook,
    PolicyEffectiveInThePast,
    PolicyRule,
    whole_number,
)

DAY = date(2026, 11, 23)
PERIOD = PolicyRule("notice_period_days", whole_number(1, 90, "days"), True, "notice period")
PROVINCE_ONLY = PolicyRule("re_review_months", whole_number(1, 24, "months"), False, "re-review")


def test_a_county_setting_wins_for_its_county_from_its_date_and_the_province_elsewhere() -> None:
    # given the province at 10 days from today and one county at 12 days from the day after
    book = PolicyBook("verification")
    book.set(PERIOD, "10", DAY, "620000", "省厅通知", DAY)
    county = book.set(PERIOD, "12", DAY + timedelta(days=1), "620102", "本县延长", DAY)
    # then the county's setting holds there from its date, the province's before it and elsewhere
    assert county.version == 2 and county.scope == "620102"
    today = book.effective("notice_period_days", "620102001001", DAY)
    assert today is not None and (today.value, today.scope, today.version) == ("10", "62", 1)
    later = book.effective("notice_period_days", "620102001", DAY + timedelta(days=1))
    assert later is not None and later.value == "12"
    elsewhere = book.effective("notice_period_days", "620103", DAY + timedelta(days=1))
    assert elsewhere is not None and elsewhere.value == "10"
    assert book.effective("notice_period_days", "62", DAY - timedelta(days=1)) is None
    assert [s.version for s in book.history("notice_period_days", "620102")] == [1, 2]
    assert [s.version for s in book.history("notice_period_days", "620103")] == [1]


def test_a_bad_value_scope_or_past_date_is_refused_naming_its_field() -> None:
    book = PolicyBook("verification")
    cases = [
        (lambda: book.set(PERIOD, "0", DAY, "62", "x", DAY), InvalidPolicyValue, "value"),
        (lambda: book.set(PERIOD, "七", DAY, "62", "x", DAY), InvalidPolicyValue, "value"),
        (lambda: book.set(PERIOD, "7", DAY, "620102001", "x", DAY), InvalidPolicyScope, "scope"),
        (
            lambda: book.set(PROVINCE_ONLY, "6", DAY, "620102", "x", DAY),
            InvalidPolicyScope,
            "scope",
        ),
        (
            lambda: book.set(PERIOD, "7", DAY - timedelta(days=1), "62", "x", DAY),
            PolicyEffectiveInThePast,
            "effective_from",
        ),
    ]
    for attempt, error, field in cases:
        with pytest.raises(error) as refused:
            attempt()
        assert refused.value.extensions["field"] == field
    assert book.pending == [] and book.settings == []
