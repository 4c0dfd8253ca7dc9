"""`python -m bench.payments_run [--beneficiaries N | --province] [--executors K]`: a run vs COPY.

Generates N enrolled, funded beneficiaries of one county with `bench.payments_population`
(`append_many` in chunks, then the projection runner; not timed), then times the whole run —
payables instructed, sent to the bank, answers recorded, run reconciled — against loading N
payment rows of the same shape with COPY in the same database (the floor).

The run is executed as production would execute it: by K executors (this process and K − 1
`bench.payments_executor` processes, as K replicas; default 2 on this 2-core machine) sharing the
run in K partitions (ADR 0013), paying through the bank simulator in a process of its own over
HTTP. Prints time, peak memory, the ratio, and whether the issue's province-scale targets hold
(4,000,000 beneficiaries: the run under 10 minutes and within 10× the floor).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import httpx
from sqlalchemy import text

from bench import runtime
from bench.payments_executor import configure
from bench.payments_population import (
    ACTOR,
    COUNTY,
    MONTHLY_FEN,
    PERIOD,
    PROGRAMME,
    PROVINCE,
    TOWNSHIP,
    Printer,
    bank_account,
    case_id,
    generate,
    own_runtime,
    payee,
    payments_service,
)
from bench.processes import Server, spawn, stop, tail, wait_healthy
from bench.profiling import profiled
from bench.rss import PeakRss, children_peak_mb, lifetime_peak_mb
from payments.application.runs import StartRun, start_run
from services.embedded import free_port
from shared.clock import SystemClock, today
from shared.collector import tune_collector
from shared.eventstore.envelope import EventMetadata
from shared.runtime import ServiceRuntime

TARGET_RUN_S = 600  # the province-scale targets: under 10 minutes …
TARGET_RATIO = 10  # … and within 10× the COPY floor
COPY_CHUNK = 200_000  # floor rows built per COPY, outside the timing
CHUNK_SIZE = 1000  # payables per page, and instructions per bank batch
WORK_DIR = runtime.DATA_DIR / "bench-payments"


async def timed_run(rt: ServiceRuntime, executors: int, bank_url: str) -> float:
    """Start the run and execute it with `executors` executors; its wall-clock seconds."""
    began = time.perf_counter()
    async with rt.engine.begin() as conn:
        metadata = EventMetadata(ACTOR, "bench", "月度发放")
        started = StartRun(COUNTY, PERIOD, today(SystemClock()), metadata)
        run = await start_run(started, rt.app.state.repositories, conn)
    url = rt.engine.url.render_as_string(hide_password=False)
    args = ["-m", "bench.payments_executor", "--database-url", url, "--run-id", run.id,
            "--bank-url", bank_url, "--partitions", str(executors)]  # fmt: skip
    logs = [WORK_DIR / f"executor-{i}.log" for i in range(1, executors)]
    others = [spawn(log, args) for log in logs]
    try:
        await rt.app.state.executor.execute(run.id)
        for other, log in zip(others, logs, strict=True):
            if await asyncio.to_thread(other.wait) != 0:
                raise RuntimeError(f"an executor failed:\n{tail(log)}")
    finally:
        for other in others:
            stop(other)
    assert await rt.app.state.executor.execute(run.id), "every partition finished: completed"
    return time.perf_counter() - began


async def _timed_into(seconds: list[float], run: Awaitable[float]) -> None:
    seconds.append(await run)


def _payment_rows(start: int, stop: int) -> list[tuple[Any, ...]]:
    return [
        (f"{case_id(i)}:{PROGRAMME}:{PERIOD}", str(uuid.uuid4()), f"{COUNTY}-{PERIOD}",
         case_id(i), PROGRAMME, PERIOD, TOWNSHIP, MONTHLY_FEN, MONTHLY_FEN, 0, 1,
         f"i-{i}", payee(i), bank_account(i), "settled", None, None, None, 0, 9)
        for i in range(start, stop)
    ]  # fmt: skip


async def copy_floor(dsn: str, n: int) -> float:
    """COPY N payment rows of the same shape into a fresh table; the seconds of the COPYs only.

    The rows are built `COPY_CHUNK` at a time outside the timing, so a province's 4,000,000 rows
    are never all in memory; below that size it is one COPY, as before.
    """
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TABLE copy_floor (LIKE payments_view INCLUDING ALL)")
        seconds = 0.0
        for start in range(0, n, COPY_CHUNK):
            rows = _payment_rows(start, min(n, start + COPY_CHUNK))
            began = time.perf_counter()
            await conn.copy_records_to_table("copy_floor", records=rows)
            seconds += time.perf_counter() - began
        return seconds
    finally:
        await conn.close()


async def event_floor(
    dsn: str, after_position: int, table: str = "event_floor"
) -> tuple[int, float]:
    """Store the run's own events again, set-based, into an empty table shaped and indexed like
    `events`; (rows, seconds). No client, no parsing, no hashing: the least PostgreSQL needs to
    keep those rows, which any design that records them per payment must also spend."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f"CREATE TABLE {table} (LIKE events INCLUDING ALL)")
        began = time.perf_counter()
        status = await conn.execute(
            f"INSERT INTO {table} SELECT * FROM events WHERE position > $1", after_position
        )
        return int(status.split()[-1]), time.perf_counter() - began
    finally:
        await conn.close()


async def last_position(rt: ServiceRuntime) -> int:
    async with rt.engine.connect() as conn:
        return int(await conn.scalar(text("SELECT coalesce(max(position), 0) FROM events")))


def _yes(held: bool) -> str:
    return "yes" if held else "NO"


def targets(n: int, run_s: float, ratio: float) -> str:
    """Whether the issue's province-scale targets hold for these figures."""
    fast, near = run_s < TARGET_RUN_S, ratio <= TARGET_RATIO
    verdict = "met" if fast and near else "NOT met"
    scale = "" if n == PROVINCE else f" (the targets are for {PROVINCE:,}; this run has {n:,})"
    return (
        f"  province targets: run < 10 min {_yes(fast)}, within {TARGET_RATIO}× floor"
        f" {_yes(near)} → {verdict}{scale}"
    )


@asynccontextmanager
async def bank_simulator_process() -> AsyncIterator[str]:
    """The simulators served as `python -m services simulators` does, in a process of their own
    (collector tuned as a service's, ADR 0014); the bank's base URL."""
    bank_port, partner_port = free_port(), free_port()
    log = WORK_DIR / "bank-simulator.log"
    env = {**os.environ, "BANK_SIMULATOR_PORT": str(bank_port),
           "PARTNER_DATA_SIMULATOR_PORT": str(partner_port), "LOG_LEVEL": "WARNING"}  # fmt: skip
    process = spawn(log, ["-m", "services", "simulators"], env)
    bank = Server("bank simulator", process, f"http://127.0.0.1:{bank_port}", log)
    try:
        await wait_healthy(bank)
        yield bank.url
    finally:
        stop(bank.process)


async def bank_totals(bank_url: str) -> dict[str, int]:
    """What the bank credited: count and sum."""
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"{bank_url}/v1/ledger/totals")
        answer.raise_for_status()
        return dict(answer.json())


async def measure(rt_env: runtime.Runtime, n: int, executors: int, profile: bool = False) -> str:
    """Set up, time the run and the floor, render the lines of the report (after the profile of
    this executor's part of the run, with `profile`)."""
    async with (
        payments_service(rt_env, f"bench_pay_{uuid.uuid4().hex[:8]}") as rt,
        bank_simulator_process() as bank_url,
    ):
        configure(rt, bank_url, CHUNK_SIZE, executors)
        began = time.perf_counter()
        await generate(rt, n, Printer())
        setup_s = time.perf_counter() - began
        tune_collector()  # this process executes too, as a service process would (ADR 0014)
        before_run = await last_position(rt)
        seconds: list[float] = []
        with PeakRss() as peak:
            run = _timed_into(seconds, timed_run(rt, executors, bank_url))
            report = ""
            if profile:
                report = await profiled(run)
            else:
                await run
        run_s = seconds[0]
        credited = await bank_totals(bank_url)
        dsn = runtime.plain_dsn(rt.engine.url.render_as_string(hide_password=False))
        floor_s = await copy_floor(dsn, n)
        events, events_s = await event_floor(dsn, before_run)
    others_mb = children_peak_mb()  # the executors, and the bank simulator now stopped
    ratio = run_s / floor_s
    return report + "\n".join([
        f"payments monthly run, {n:,} beneficiaries of one county, {executors} executor"
        f" process(es) in {executors} partition(s), bank simulator in its own process",
        f"  setup (enrol + project, not timed): {setup_s:.1f}s",
        f"  run (instruct, bank, reconcile):    {run_s:.1f}s  ({n / run_s:,.0f} payments/s),"
        f" {credited['credits']:,} credited by the bank",
        f"  COPY floor of {n:,} payment rows:    {floor_s:.2f}s",
        f"  ratio run / floor:                  {ratio:,.0f}×",
        f"  event-store floor: the run's {events:,} events stored again set-based"
        f" (INSERT … SELECT, same table and indexes): {events_s:.2f}s = {events_s / floor_s:.1f}×"
        " the COPY floor",
        f"  least ratio of a run that stores those events and the payment rows:"
        f" {(events_s + floor_s) / floor_s:.1f}× (before any hashing, Python, bank or Kafka)",
        f"  peak RSS during the run:            {peak.mb:,.0f} MB in this executor"
        f"  (at its start {peak.start_mb:,.0f} MB; {peak.how})",
        f"  peak RSS of the other processes:    {others_mb:,.0f} MB (the largest of"
        " the other executors and the bank simulator)",
        f"  peak RSS of this process (+ setup): {lifetime_peak_mb():,.0f} MB",
        targets(n, run_s, ratio),
    ])  # fmt: skip


def main() -> int:
    """Start a private PostgreSQL, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.payments_run", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--beneficiaries", type=int, default=100_000)
    size.add_argument("--province", action="store_true", help=f"{PROVINCE:,} beneficiaries")
    parser.add_argument(
        "--executors", type=int, default=2, help="executor processes sharing the run (default 2)"
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile this executor during the timed run"
    )
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    n = PROVINCE if args.province else args.beneficiaries
    with own_runtime() as rt_env:
        print(asyncio.run(measure(rt_env, n, args.executors, args.profile)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
