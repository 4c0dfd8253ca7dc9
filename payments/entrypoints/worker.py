"""`python -m payments.entrypoints.worker <run_id>`: execute one payment run, then exit.

Reads DATABASE_URL / PAYMENTS_DATABASE_URL and BANK_API_URL like the service does. Safe to
kill at any instant and start again: the run resumes and pays every payable exactly once.
"""

from __future__ import annotations

import asyncio
import sys

from payments.application.executor import RunExecutor
from payments.bootstrap import build
from services.composition import service_config
from services.settings import Settings


async def execute(run_id: str) -> int:
    """Run the executor once for `run_id`; 0 when the run completed."""
    settings = Settings.from_env()
    config = service_config(settings, "payments")
    runtime = build(config)
    try:
        executor: RunExecutor = runtime.app.state.executor
        done = await executor.execute(run_id)
    finally:
        await runtime.engine.dispose()
    return 0 if done else 3


if __name__ == "__main__":
    sys.exit(asyncio.run(execute(sys.argv[1])))
