"""A child's allowance ends by itself after the month the child reaches the age limit (PAY-9,
ADR 0042): the first run for a later month records it, naming the rule and its policy version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shared.eventstore.registry import event_type

AGE_LIMIT_POLICY = "verification.child_allowance_age_limit"
# the birth month comes from the child's resident ID on verification's children register, read
# when the county granted the allowance (verification.ChildAllowanceAssessed)
BASIS = "children-register"


@event_type("payments.ChildAllowanceAgeLimitReached", version=1)
@dataclass(frozen=True)
class ChildAllowanceAgeLimitReached:
    """A run found the child past the allowance's age limit: nothing is paid for months from
    `coming_of_age_stopped_from`. Recorded by the system (the run), caused by the register's
    birth date; the `coming_of_age_*` fields tell a birth month and stay off the public view."""

    case_id: str
    programme: str
    run_id: str
    period: str  # the period of the run that met the end
    age_limit: int
    policy: str  # the policy number's name, in verification's policy book
    policy_version: int  # its version when the allowance was granted; 0: deployment default
    basis: str
    coming_of_age_period: str  # the last month paid: the month the child reached the limit
    coming_of_age_stopped_from: date  # the first day of the month after it
    reason: str


def age_limit_reason(age_limit: int) -> str:
    """Why the run stopped paying, in both languages (no date: it would tell the birth month)."""
    return (
        f"儿童年满{age_limit}周岁，基本生活费发放至年满当月止"
        f" (the child reached {age_limit}: paid through that month, not after)"
    )
