"""`python -m bench.payments_executor`: one more payments executor for a bench run (a replica).

Builds the payments service on the bench's database, points its executor at the bank simulator's
URL and executes the run: it takes whichever partitions no other executor holds (ADR 0013) and
exits 0 when it has done all it could.
"""

from __future__ import annotations

import argparse
import asyncio
import logging

from bench.payments_population import service_config
from payments.adapters.bank import BankClient
from payments.bootstrap import build
from shared.collector import tune_collector
from shared.runtime import ServiceRuntime


def configure(rt: ServiceRuntime, bank_url: str, chunk_size: int, partitions: int) -> None:
    """The bench's executor settings on a built payments service."""
    executor = rt.app.state.executor
    executor.bank = BankClient(bank_url)
    executor.chunk_size = chunk_size
    executor.partitions = partitions


async def execute(database_url: str, run_id: str, bank_url: str, chunk: int, parts: int) -> None:
    """Execute the run's free partitions in this process."""
    rt = build(service_config(database_url))
    configure(rt, bank_url, chunk, parts)
    tune_collector()  # as a service process does (ADR 0014)
    try:
        await rt.app.state.executor.execute(run_id)
    finally:
        await rt.engine.dispose()


def main() -> int:
    """Parse the arguments, execute, exit."""
    parser = argparse.ArgumentParser(prog="python -m bench.payments_executor", description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--bank-url", required=True)
    parser.add_argument("--chunk-size", type=int, default=1000)
    parser.add_argument("--partitions", type=int, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(
        execute(args.database_url, args.run_id, args.bank_url, args.chunk_size, args.partitions)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
