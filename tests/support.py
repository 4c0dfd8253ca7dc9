"""Test helpers: wait for conditions, never for fixed times."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Mapping
from datetime import date, timedelta
from typing import Any

from shared.http.tokens import LEVEL_OF_ROLE
from shared.identity import InvalidDivisionCode, parse_division


async def eventually(
    predicate: Callable[[], Awaitable[bool]] | Callable[[], bool],
    timeout: float = 20.0,  # noqa: ASYNC109 - a deadline for the condition, not for a call
    interval: float = 0.05,
    message: str = "",
) -> None:
    """Wait until `predicate` (sync or async) is true; fail with `message` after `timeout` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        outcome = predicate()
        if inspect.isawaitable(outcome):
            outcome = await outcome
        if outcome:
            return
        if loop.time() >= deadline:
            raise AssertionError(message or f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


def months_from(period: str, n: int) -> str:
    """The payment period (YYYY-MM) `n` months after `period` (before it when `n` < 0)."""
    year, month = divmod(int(period[:4]) * 12 + int(period[5:7]) - 1 + n, 12)
    return f"{year:04d}-{month + 1:02d}"


def first_day(period: str) -> str:
    """The ISO date of the first day of a payment period."""
    return f"{period}-01"


def days_from(day: date, n: int) -> str:
    """The ISO date `n` days after `day` (before it when `n` < 0)."""
    return (day + timedelta(days=n)).isoformat()


def division_of(role: str, county: str) -> str:
    """A division of the level `role` acts at, in or above `county` (an officer's token names
    one of its own level: village, township, county, city or province; other roles the county)."""
    return {
        "village": f"{county}001001",
        "township": f"{county}001",
        "city": f"{county[:4]}00",
        "province": f"{county[:2]}0000",
    }.get(LEVEL_OF_ROLE.get(role, "county"), county)


def standing_division(role: str, division: str) -> str:
    """`division` when it is of the level `role` acts at, else that level's division in or over
    its county: a test names where a caller works, the token names it at the role's level."""
    wanted = LEVEL_OF_ROLE.get(role)
    try:
        level = parse_division(division).level
    except InvalidDivisionCode:
        return division  # not a division at all: the signer refuses it as the test means
    return division if wanted in (None, level) else division_of(role, division[:6])


RESPONSE_HEADERS = ("ETag", "Location", "Retry-After")
"""The headers the kernel's answers may carry that a client acts on (GEN-8)."""


def headers_unlike_the_document(
    document: dict[str, Any], method: str, template: str, status: int, carried: Mapping[str, str]
) -> dict[str, str]:
    """Each of `RESPONSE_HEADERS` the answer carries but the document does not declare for the
    operation and status ("undocumented"), or the document requires but the answer lacks
    ("missing"); empty when they agree."""
    response = document["paths"][template][method.lower()]["responses"][str(status)]
    declared = {n.lower(): h.get("required", False) for n, h in response.get("headers", {}).items()}
    present = {name.lower() for name in carried}
    found = {}
    for name in RESPONSE_HEADERS:
        key = name.lower()
        if key in present and key not in declared:
            found[name] = "undocumented"
        elif declared.get(key) and key not in present:
            found[name] = "missing"
    return found
