"""When a child's allowance ends, without I/O (PAY-9, ADR 0042): paid through the month the
child reaches the age limit, from the birth date in the resident ID; the county ends a grant
early from the next month, once; the public view does not tell the child's birth month."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, timedelta

import pytest

from shared.domain.errors import DomainError
from shared.identity import check_char
from shared.privacy import public_view
from verification.domain.allowance_ends import (
    ChildAllowanceEnded,
    coming_of_age_day,
    first_day_after,
    last_paid_period,
)
from verification.domain.children import (
    ELIGIBILITY_RULE,
    Child,
    ChildAllowanceAssessed,
    ChildRegistered,
    Guardian,
    age_on,
)

TODAY = date(2027, 3, 10)  # the pinned day of these stories
VILLAGE = "620502001001"


def resident(born: date, sequence: int = 123) -> str:
    """A valid resident ID of 秦州区 for a birth date."""
    first17 = f"620502{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


@pytest.mark.req("PAY-9")
@pytest.mark.parametrize(
    ("born", "last_paid", "first_unpaid"),
    [
        (date(2009, 4, 17), "2027-04", date(2027, 5, 1)),  # 18 in the middle of a month
        (date(2009, 5, 1), "2027-05", date(2027, 6, 1)),  # 18 on the 1st: that month is paid
        (date(2009, 12, 31), "2027-12", date(2028, 1, 1)),  # 18 on the 31st, at the year's end
        # born on a leap day: 18 years later is always a common year, the birthday 1 March
        (date(2012, 2, 29), "2030-03", date(2030, 4, 1)),
        (date(2008, 2, 29), "2026-03", date(2026, 4, 1)),
    ],
)
def test_the_allowance_is_paid_through_the_month_the_child_turns_18_and_not_after(
    born: date, last_paid: str, first_unpaid: date
) -> None:
    # given a child's resident ID and the age limit of 18
    child = resident(born)
    # when the last month paid is reckoned
    day = coming_of_age_day(born, 18)
    # then it is the month the child turns 18 by the count of whole years the register uses
    assert age_on(child, day) == 18 and age_on(child, day - timedelta(days=1)) == 17
    assert last_paid_period(born, 18) == last_paid
    assert first_day_after(last_paid) == first_unpaid


@pytest.mark.req("PAY-9")
def test_a_higher_age_limit_set_by_the_province_pays_longer() -> None:
    assert last_paid_period(date(2009, 4, 17), 20) == "2029-04"
    assert last_paid_period(date(2008, 2, 29), 20) == "2028-02"  # a leap year: 29 February


def granted_child() -> Child:
    """An orphan of ten on the register, granted the allowance from this month."""
    child = Child("child-1")
    guardian = Guardian("王秀兰", "grandparent", resident(date(1958, 5, 1), 224))
    child.register(
        ChildRegistered(
            "child-1", resident(TODAY.replace(year=TODAY.year - 10)), "李小明", VILLAGE,
            VILLAGE[:6], "rural", "orphan", "entrusted", guardian, TODAY,
        )
    )  # fmt: skip
    child.assess(
        ChildAllowanceAssessed(
            "child-1", "orphan_allowance", "granted", VILLAGE, VILLAGE[:6], "rural", "orphan",
            TODAY.replace(day=1), "符合条件", "孤儿保障办法", ELIGIBILITY_RULE["orphan_allowance"],
            "officer-1", TODAY, "王秀兰", "6228480012345678901", 18, 2,
            child.last_paid_period(18),
        )
    )  # fmt: skip
    return child


@pytest.mark.req("PAY-9", "GEN-4")
def test_the_county_ends_a_grant_from_next_month_once_with_who_when_why_and_policy() -> None:
    # given an orphan granted the allowance
    child = granted_child()
    assert child.granted is not None and child.granted.coming_of_age_period == "2035-03"
    # when the county ends it on the 31st of December because the child was adopted
    child.end_allowance("adoption", "已被依法收养", "孤儿保障办法第十二条", "officer-2",
                        date(2027, 12, 31))  # fmt: skip
    # then nothing is paid from the next month's first day, and the event says who, when, why
    ended = child.pending[-1]
    assert isinstance(ended, ChildAllowanceEnded)
    assert (ended.effective_from, ended.reason_code, ended.decided_by, ended.decided_on) == (
        date(2028, 1, 1), "adoption", "officer-2", date(2027, 12, 31),
    )  # fmt: skip
    assert (ended.policy_basis, ended.allowance) == ("孤儿保障办法第十二条", "orphan_allowance")
    assert child.allowance_end == ended
    # and a second end is refused
    with pytest.raises(DomainError) as again:
        child.end_allowance("death", "x", "y", "officer-2", TODAY)
    assert (again.value.code, again.value.status) == ("allowance-already-ended", 409)


@pytest.mark.req("PAY-9")
def test_a_child_without_a_grant_has_no_allowance_to_end() -> None:
    child = Child("child-2")
    child.register(
        ChildRegistered(
            "child-2", resident(date(2017, 6, 1)), "李小红", VILLAGE, VILLAGE[:6], "rural",
            "left_behind", "none", None, TODAY,
        )
    )  # fmt: skip
    with pytest.raises(DomainError) as refused:
        child.end_allowance("moved_away", "迁出", "办法", "officer-2", TODAY)
    assert (refused.value.code, refused.value.status) == ("no-allowance-to-end", 409)


@pytest.mark.req("PAY-9", "GEN-7")
def test_the_public_view_of_a_grant_does_not_tell_the_childs_birth_month() -> None:
    grant = granted_child().pending[-1]
    assert isinstance(grant, ChildAllowanceAssessed)
    public = public_view(json.loads(json.dumps(asdict(grant), default=str)), b"k" * 32)
    assert "coming_of_age_period" not in public and "2035-03" not in json.dumps(public)
    assert (public["age_limit"], public["age_limit_policy_version"]) == (18, 2)
