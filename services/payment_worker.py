"""`python -m services execute-run <run_id> [--chunk-size N]`: execute one payment run, then exit.

Reads the payments database and the bank's URL from the settings, as the service does (with
neither DATABASE_URL nor KAFKA_BOOTSTRAP_SERVERS set, those of `make run`, like every other ops
command). Safe to
kill at any instant and start again: the run resumes and pays every payable exactly once.
Exit status 0 when the run is completed, 2 when there is no such run, 3 when another executor
holds it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from services.composition import build_runtime
from services.settings import Settings
from services.status import attach_embedded
from shared.collector import tune_collector
from shared.domain.errors import NotFound

if TYPE_CHECKING:  # payments is imported when a run is executed, not by every command's start
    from payments.application.executor import RunExecutor

NO_SUCH_RUN, HELD_ELSEWHERE = 2, 3


async def execute(settings: Settings, run_id: str, chunk_size: int) -> int:
    """Run the executor once for `run_id`."""
    runtime = build_runtime(attach_embedded(settings), "payments")
    tune_collector(settings.gc_gen0_threshold)
    try:
        executor: RunExecutor = runtime.app.state.executor
        executor.chunk_size = chunk_size
        done = await executor.execute(run_id)
    except NotFound as missing:
        print(missing, file=sys.stderr)
        return NO_SUCH_RUN
    finally:
        await runtime.engine.dispose()
    return 0 if done else HELD_ELSEWHERE


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `execute-run RUN_ID [--chunk-size N]` command."""
    command = commands.add_parser(
        "execute-run", help="execute one payment run to its end in this process (resumable)"
    )
    command.add_argument("run_id")
    command.add_argument("--chunk-size", type=int, default=100, help="payables per transaction")
    command.set_defaults(func=lambda s, a: asyncio.run(execute(s, a.run_id, a.chunk_size)))
