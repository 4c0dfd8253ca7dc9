"""`python -m bench`: start one PostgreSQL (fsync on) and one broker, measure, print the report."""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from collections.abc import Sequence

from bench import append, consumer, relay, report, runtime
from bench.profiling import profile_all
from shared.collector import tune_collector


async def measure_all(rt: runtime.Runtime) -> str:
    """Every measurement, one after the other, then the rendered report."""
    appended = await append.run(rt)
    relayed = await relay.run(rt)
    consumed = await consumer.run(rt)
    rates = report.all_rates(appended, relayed, consumed)
    rows = report.comparisons(appended, relayed, consumed)
    return report.render(await report.machine(rt), rates, rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks (or, with --profile, profile our three paths once)."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--profile", action="store_true", help="cProfile one round of each path")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    began = time.perf_counter()
    tune_collector()  # as every service process runs (ADR 0014); both peers of a pair share it
    with runtime.started() as rt:
        text = asyncio.run(profile_all(rt) if args.profile else measure_all(rt))
    print(text)
    print(f"\ntotal run time {time.perf_counter() - began:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
