"""Verification's policy numbers a province (or a county) sets as data (VER-5, VER-6)."""

from __future__ import annotations

from shared.policy import PolicyBook, PolicyRule, whole_number
from verification.domain import events as ev
from verification.domain.batch import parse_rate

NOTICE_PERIOD_DAYS = "notice_period_days"
SPOT_CHECK_RATE = "spot_check_rate"
CHILD_ALLOWANCE_AGE_LIMIT = "child_allowance_age_limit"


def _rate(text: str) -> str:
    """A spot-check rate as decimal text, never below 0.30 (422 naming the field `value`)."""
    return str(parse_rate(text, field="value"))


RULES: dict[str, PolicyRule] = {
    NOTICE_PERIOD_DAYS: PolicyRule(
        NOTICE_PERIOD_DAYS,
        whole_number(1, 90, "calendar days"),
        county_override=True,
        description="VER-6 pre-approval notice period (公示期), calendar days",
    ),
    SPOT_CHECK_RATE: PolicyRule(
        SPOT_CHECK_RATE,
        _rate,
        county_override=True,
        description="VER-5 county spot-check rate (入户抽查比例), a decimal from 0.30 to 1",
    ),
    CHILD_ALLOWANCE_AGE_LIMIT: PolicyRule(
        CHILD_ALLOWANCE_AGE_LIMIT,
        whole_number(18, 25, "years of age"),
        county_override=False,
        description="PAY-9 children's allowances are paid through the month the child reaches"
        " this age (年满周岁当月), province-wide, never below 18",
    ),
}


class VerificationPolicy(PolicyBook):
    """Verification's policy stream, `policy-verification`."""

    event_class = ev.PolicySet
