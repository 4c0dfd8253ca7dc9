"""Supervision's policy numbers the province sets as data (SUP-10, SUP-11).

The notice asks to *raise* the share of disabled and semi-disabled extreme-poverty persons in
centralised care (提高失能半失能特困人员的集中供养比例) without naming a figure, to have central
and provincial money arrive *promptly* (抓紧到位) and the counties to report *in good time*
(及时报省民政厅); the numbers below are therefore deployment defaults the province may change
(`PUT /v1/policy/…`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from shared.eventstore.registry import EventRegistry, event_type
from shared.policy import (
    InvalidPolicyValue,
    PolicyBook,
    PolicyRule,
    UnknownPolicy,
    decimal_between,
    whole_number,
)
from shared.policy import PolicySet as PolicySetBase

CENTRALISED_CARE_TARGET = "centralised_care_target"
FUNDS_ARRIVAL_DAYS = "funds_arrival_days"
REPORT_PERIOD = "implementation_report_period"
REPORT_DUE_DAYS = "implementation_report_due_days"

DEFAULTS: dict[str, str] = {
    CENTRALISED_CARE_TARGET: "0.5",  # half of the (semi-)disabled in institutions
    FUNDS_ARRIVAL_DAYS: "30",  # the requirements' default for 抓紧到位
    REPORT_PERIOD: "half_year",  # H1 / H2 reports
    REPORT_DUE_DAYS: "15",  # calendar days after the period ends
}


def _period_kind(text: str) -> str:
    value = text.strip()
    if value not in ("half_year", "year"):
        raise InvalidPolicyValue(
            f"{text!r} must be half_year or year",
            f"取值 {text} 应为 half_year（半年）或 year（年度）",
            field="value",
        )
    return value


RULES: dict[str, PolicyRule] = {
    CENTRALISED_CARE_TARGET: PolicyRule(
        CENTRALISED_CARE_TARGET,
        decimal_between(Decimal(0), Decimal(1)),
        county_override=False,
        description="SUP-10 target share of (semi-)disabled extreme-poverty persons in"
        " centralised care (集中供养比例), a decimal from 0 to 1",
    ),
    FUNDS_ARRIVAL_DAYS: PolicyRule(
        FUNDS_ARRIVAL_DAYS,
        whole_number(1, 365, "calendar days"),
        county_override=False,
        description="SUP-11 days within which central and provincial allocations must arrive"
        " (抓紧到位)",
    ),
    REPORT_PERIOD: PolicyRule(
        REPORT_PERIOD,
        _period_kind,
        county_override=False,
        description="SUP-11 implementation reports (贯彻落实情况) are filed per half_year or year",
    ),
    REPORT_DUE_DAYS: PolicyRule(
        REPORT_DUE_DAYS,
        whole_number(0, 120, "calendar days"),
        county_override=False,
        description="SUP-11 days after a period ends by which its implementation report is due",
    ),
}


def rule_named(name: str) -> PolicyRule:
    """The rule of one of supervision's policy numbers (404 `unknown-policy` for another)."""
    rule = RULES.get(name)
    if rule is None:
        raise UnknownPolicy(
            f"no policy {name!r}; known: {', '.join(RULES)}", f"无政策参数 {name}", field="name"
        )
    return rule


@event_type("supervision.PolicySet", version=1)
@dataclass(frozen=True)
class PolicySet(PolicySetBase):
    """The province set a supervision policy number from a date (SUP-10, SUP-11)."""


class SupervisionPolicy(PolicyBook):
    """Supervision's policy stream, `policy-supervision`."""

    event_class = PolicySet


def register_events(registry: EventRegistry) -> None:
    """Register the policy event."""
    registry.register_all(PolicySet)
