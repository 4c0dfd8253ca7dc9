"""When a child's allowance ends (PAY-9, ADR 0042): by itself after the month the child reaches
the age limit (policy data, `child_allowance_age_limit`), or earlier when the county ends it
with a reason (adoption, a guardian able to support, death, moving away …)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.clock import period_of
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type

# 被依法收养 / 监护人恢复抚养能力 / 死亡 / 户籍迁出本县 / 其他
EndReason = Literal["adoption", "guardian_able_to_support", "death", "moved_away", "other"]


def coming_of_age_day(born: date, age_limit: int) -> date:
    """The day a child born on `born` reaches `age_limit` years: the birthday that year, and
    1 March for a 29 February birthday in a common year (as `age_on` counts whole years)."""
    year = born.year + age_limit
    if (born.month, born.day) == (2, 29) and not calendar.isleap(year):
        return date(year, 3, 1)
    return born.replace(year=year)


def last_paid_period(born: date, age_limit: int) -> str:
    """The last month an allowance is paid: the month the child reaches the age limit."""
    return period_of(coming_of_age_day(born, age_limit))


def first_day_after(period: str) -> date:
    """The first day of the month after a period `YYYY-MM`."""
    year, month = int(period[:4]), int(period[5:7])
    return date(year + month // 12, month % 12 + 1, 1)


@event_type("verification.ChildAllowanceEnded", version=1)
@dataclass(frozen=True)
class ChildAllowanceEnded:
    """The county ended the child's allowance before the age limit (contract v1, consumed by
    payments): nothing is paid for months from `effective_from` (the next month's first day)."""

    child_id: str
    allowance: str
    division_code: str
    county_code: str
    effective_from: date
    reason_code: EndReason
    reason: str
    policy_basis: str  # the document the county decided under (文件依据)
    decided_by: str  # the county officer (staff id from the token)
    decided_on: date


class NoAllowanceToEnd(DomainError):
    """Only a granted allowance can be ended."""

    code = "no-allowance-to-end"
    status = 409
    title_en = "The child has no allowance granted"
    title_zh = "该儿童未享受基本生活费，无需终止"


class AllowanceAlreadyEnded(DomainError):
    """An allowance is ended once."""

    code = "allowance-already-ended"
    status = 409
    title_en = "The child's allowance is ended already"
    title_zh = "该儿童的基本生活费已终止发放"
