"""Pure rules: the seeded sample, the rate floor, review periods, the circuit breaker."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from shared.domain.errors import DomainError
from verification.adapters.partner_data import CircuitBreaker
from verification.domain.batch import draw_sample, parse_rate, sample_size
from verification.domain.policy import next_review_due

HOUSEHOLDS = [f"case-{i:02d}/urban_dibao" for i in range(10)]


@pytest.mark.req("VER-5")
@pytest.mark.parametrize(("n", "expected"), [(1, 1), (3, 1), (4, 2), (10, 3), (11, 4), (100, 30)])
def test_the_sample_is_thirty_percent_rounded_up(n: int, expected: int) -> None:
    assert sample_size(Decimal("0.30"), n) == expected


@pytest.mark.req("VER-5")
def test_the_same_seed_draws_the_same_sample_whatever_the_input_order() -> None:
    first = draw_sample("seed-1", HOUSEHOLDS, Decimal("0.3"))
    again = draw_sample("seed-1", list(reversed(HOUSEHOLDS)), Decimal("0.3"))
    assert first == again and len(first) == 3
    others = {draw_sample(f"seed-{i}", HOUSEHOLDS, Decimal("0.3")) for i in range(20)}
    assert len(others) > 1  # the seed really chooses


@pytest.mark.req("VER-5")
@pytest.mark.parametrize("text", ["0.29", "0.1", "-1", "abc", "1.5", "NaN"])
def test_a_rate_below_thirty_percent_or_nonsense_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as refused:
        parse_rate(text)
    assert refused.value.code == "spot-check-rate-too-low"


@pytest.mark.req("VER-5")
def test_a_configured_floor_can_only_raise_the_rate() -> None:
    assert parse_rate("0.5", floor=Decimal("0.4")) == Decimal("0.5")
    with pytest.raises(DomainError):
        parse_rate("0.35", floor=Decimal("0.4"))


@pytest.mark.req("VER-7")
@pytest.mark.parametrize(
    ("registration", "rural_class", "due"),
    [
        ("urban", None, date(2028, 1, 31)),
        ("rural", 1, date(2027, 7, 31)),
        ("urban", 3, date(2027, 7, 31)),
    ],
)
def test_periodic_re_review_dates(registration: str, rural_class: int | None, due: date) -> None:
    assert next_review_due(registration, rural_class, date(2027, 1, 31)) == due


def test_the_circuit_opens_after_repeated_failures_and_half_opens_later() -> None:
    now = [0.0]
    breaker = CircuitBreaker(threshold=3, reset_s=10, clock=lambda: now[0])
    for _ in range(3):
        assert breaker.allows()
        breaker.failed()
    assert not breaker.allows()
    now[0] = 10.0
    assert breaker.allows()
    breaker.succeeded()
    assert breaker.allows() and breaker.failures == 0
