"""The service's background loop: drive every executing run to completion."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy import text

from payments.application.executor import RunExecutor
from shared.runtime import Loop

log = logging.getLogger(__name__)
POLL_S = 0.5


def run_loop(executor: RunExecutor) -> Loop:
    """A loop for ServiceRuntime.loops that executes runs until `stop` is set."""

    async def loop(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await _once(executor)
            except Exception:
                log.exception("payment run loop failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), POLL_S)

    return loop


async def _once(executor: RunExecutor) -> None:
    await executor.projections.catch_up("payments.payments_view")
    async with executor.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT run_id FROM runs_view WHERE status = 'executing' ORDER BY run_id")
        )
        run_ids = [r.run_id for r in rows]
        standing = await conn.execute(
            text(
                "SELECT DISTINCT run_id FROM payments_view"
                " WHERE status = 'instructed'"
                " AND (run_id LIKE 'oneoff-%' OR run_id LIKE 'disaster-%') ORDER BY run_id"
            )
        )
        one_off_ids = [r.run_id for r in standing]
    for run_id in run_ids:
        await executor.execute(run_id)
    for run_id in one_off_ids:
        await executor.send_pending(run_id)
