"""`python -m payments.entrypoints.worker <run_id> [--chunk-size N]`: execute one run, then exit.

Reads PAYMENTS_DATABASE_URL (or DATABASE_URL) and BANK_API_URL like the service does. Safe to
kill at any instant and start again: the run resumes and pays every payable exactly once.
Exit status 0 when the run is completed, 3 when another executor holds it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from payments.application.executor import RunExecutor
from payments.bootstrap import build
from services.composition import configure_process, service_config
from services.settings import Settings
from shared.collector import tune_collector


async def execute(run_id: str, chunk_size: int) -> int:
    """Run the executor once for `run_id`."""
    settings = Settings.from_env()
    configure_process(settings)
    runtime = build(service_config(settings, "payments"))
    tune_collector(settings.gc_gen0_threshold)
    try:
        executor: RunExecutor = runtime.app.state.executor
        executor.chunk_size = chunk_size
        done = await executor.execute(run_id)
    finally:
        await runtime.engine.dispose()
    return 0 if done else 3


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and execute the run."""
    parser = argparse.ArgumentParser(prog="python -m payments.entrypoints.worker")
    parser.add_argument("run_id")
    parser.add_argument("--chunk-size", type=int, default=100)
    args = parser.parse_args(argv)
    return asyncio.run(execute(args.run_id, args.chunk_size))


if __name__ == "__main__":
    sys.exit(main())
