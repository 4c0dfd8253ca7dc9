"""Test helpers: wait for conditions, never for fixed times."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable


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
