"""Policy numbers as data: versioned, effective-dated values a province (or a county) sets.

Each service keeps one policy stream (`policy-<service>`) of `PolicySet` events. A value holds for
its scope — the province `62` or one county — from its `effective_from` date until a later
setting of the same name and scope takes over; a county's setting, where the rule allows one,
wins over the province's. Names the province never set fall back to the deployment's defaults,
which the service supplies. A decision records the `version` of the setting it used (0: default).
Services subclass `PolicySet` under their own type name (`<service>.PolicySet`) and `PolicyBook`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import ClassVar

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError, NotFound
from shared.identity import InvalidDivisionCode, parse_division

PROVINCE = "62"
PROVINCE_OFFICER = "province_officer"
COUNTY_OFFICER = "county_officer"


@dataclass(frozen=True)
class PolicySet:
    """A policy number set for a scope from a date (the `version`-th event of the stream)."""

    name: str
    value: str  # canonical text: an integer or a decimal
    effective_from: date
    scope: str  # "62" (the province) or a county code "62xxxx"
    reason: str
    version: int


class UnknownPolicy(NotFound):
    """No policy of that name exists in this service."""

    code = "unknown-policy"
    title_en = "No such policy"
    title_zh = "无此政策参数"


class InvalidPolicyValue(DomainError):
    """The value is not allowed for this policy."""

    code = "invalid-policy-value"
    title_en = "The value is not allowed for this policy"
    title_zh = "政策参数取值不符合规定"


class InvalidPolicyScope(DomainError):
    """The scope is neither the province nor a county allowed to override this policy."""

    code = "invalid-policy-scope"
    title_en = "A policy is set for the province or, where allowed, for one county"
    title_zh = "政策参数只能由省级设定，或在允许时由县级设定本县参数"


class PolicyEffectiveInThePast(DomainError):
    """A setting may not take effect before today: past decisions are never re-decided."""

    code = "policy-effective-in-the-past"
    title_en = "A policy may not take effect in the past"
    title_zh = "政策参数的生效日期不得早于今日"


Parser = Callable[[str], str]


@dataclass(frozen=True)
class PolicyRule:
    """One named policy number: how a value is checked and whether a county may override it."""

    name: str
    parse: Parser  # value text → canonical text, or a DomainError naming the field `value`
    county_override: bool
    description: str


def whole_number(minimum: int, maximum: int, unit: str) -> Parser:
    """A parser for whole numbers in [minimum, maximum]."""

    def parse(text: str) -> str:
        try:
            number = int(text.strip())
        except ValueError:
            number = minimum - 1
        if not minimum <= number <= maximum:
            raise InvalidPolicyValue(
                f"{text!r} must be a whole number of {unit} from {minimum} to {maximum}",
                f"取值 {text} 应为 {minimum} 至 {maximum} 之间的整数（{unit}）",
                field="value",
            )
        return str(number)

    return parse


def decimal_between(minimum: Decimal, maximum: Decimal) -> Parser:
    """A parser for decimals in [minimum, maximum], kept as their canonical text."""

    def parse(text: str) -> str:
        try:
            number = Decimal(text.strip())
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or not minimum <= number <= maximum:
            raise InvalidPolicyValue(
                f"{text!r} must be a decimal from {minimum} to {maximum}",
                f"取值 {text} 应为 {minimum} 至 {maximum} 之间的小数",
                field="value",
            )
        return str(number.normalize()) if number != number.to_integral() else str(int(number))

    return parse


def normalise_scope(scope: str) -> str:
    """`62` for the province (also `620000`), the county code for a county; 422 otherwise."""
    try:
        division = parse_division(scope)
    except InvalidDivisionCode:
        division = None
    if division is not None and division.level == "province":
        return PROVINCE
    if division is not None and division.level == "county" and len(scope) == 6:
        return division.code
    raise InvalidPolicyScope(
        f"scope {scope!r} must be the province (62) or a county code (6 digits)",
        f"适用范围 {scope} 应为全省（62）或县级行政区划代码（6位）",
        field="scope",
    )


def role_to_set(scope: str) -> str:
    """Who sets a policy for this (normalised) scope: the province, or the county itself."""
    return PROVINCE_OFFICER if scope == PROVINCE else COUNTY_OFFICER


def county_of(division: str) -> str | None:
    """The county a division lies in, or None for the province or a city."""
    return division[:6] if len(division) >= 6 and not division.endswith("00") else None


class PolicyBook(Aggregate):
    """One service's policy settings, in the order they were made."""

    stream_prefix = "policy"
    event_class: ClassVar[type[PolicySet]] = PolicySet

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.settings: list[PolicySet] = []

    def set(
        self,
        rule: PolicyRule,
        value: str,
        effective_from: date,
        scope: str,
        reason: str,
        today: date,
    ) -> PolicySet:
        """Record a new setting; refuse a bad value, scope or a date before today."""
        canonical = rule.parse(value)
        scope = normalise_scope(scope)
        if scope != PROVINCE and not rule.county_override:
            raise InvalidPolicyScope(
                f"{rule.name} is set by the province only (scope 62)",
                f"{rule.name} 只能由省级设定（适用范围 62）",
                field="scope",
            )
        if effective_from < today:
            raise PolicyEffectiveInThePast(
                f"effective_from {effective_from} is before today {today}",
                f"生效日期 {effective_from} 早于今日 {today}",
                field="effective_from",
            )
        event = self.event_class(
            name=rule.name,
            value=canonical,
            effective_from=effective_from,
            scope=scope,
            reason=reason,
            version=self.version + len(self.pending) + 1,
        )
        self.record(event)
        return event

    def effective(self, name: str, division: str, day: date) -> PolicySet | None:
        """The setting in force on `day` for a division: its county's, else the province's."""
        county = county_of(division)
        for scope in (county, PROVINCE):
            candidates = [
                s
                for s in self.settings
                if s.name == name and s.scope == scope and s.effective_from <= day
            ]
            if candidates:
                return max(candidates, key=lambda s: (s.effective_from, s.version))
        return None

    def history(self, name: str, division: str) -> list[PolicySet]:
        """Every setting of `name` that applies to the division (province and its county)."""
        scopes = {PROVINCE, county_of(division)}
        return [s for s in self.settings if s.name == name and s.scope in scopes]

    def when_PolicySet(self, event: PolicySet) -> None:
        self.settings.append(event)
