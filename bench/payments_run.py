"""`python -m bench.payments_run [--beneficiaries N | --province]`: a monthly run vs COPY.

Generates N enrolled, funded beneficiaries of one county with `bench.payments_population`
(`append_many` in chunks, then the projection runner; not timed), then times the whole run —
payables instructed, sent to the bank simulator (in process), answers recorded, run reconciled —
against loading N payment rows of the same shape with COPY in the same database (the floor).
Prints time, the run's own peak memory, the ratio, and whether the issue's province-scale
targets hold (4,000,000 beneficiaries: the run under 10 minutes and within 10× the floor).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import time
import uuid
from typing import Any

import asyncpg
import httpx

from bench import runtime
from bench.payments_population import (
    ACTOR,
    COUNTY,
    MONTHLY_FEN,
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
from bench.rss import PeakRss, lifetime_peak_mb
from payments.adapters.bank import BankClient
from payments.application.runs import StartRun, start_run
from services.simulators import bank as bank_simulator
from shared.eventstore.envelope import EventMetadata
from shared.runtime import ServiceRuntime

PERIOD = "2026-11"
TARGET_RUN_S = 600  # the province-scale targets: under 10 minutes …
TARGET_RATIO = 10  # … and within 10× the COPY floor
COPY_CHUNK = 200_000  # floor rows built per COPY, outside the timing


async def timed_run(rt: ServiceRuntime) -> float:
    """Start and execute the run; its wall-clock seconds."""
    began = time.perf_counter()
    async with rt.engine.begin() as conn:
        run = await start_run(
            StartRun(COUNTY, PERIOD, EventMetadata(ACTOR, "bench", "月度发放")),
            rt.app.state.repositories, conn,
        )  # fmt: skip
    assert await rt.app.state.executor.execute(run.id)
    return time.perf_counter() - began


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


def _bank(rt: ServiceRuntime) -> None:
    bank_simulator.bank.reset()
    rt.app.state.executor.bank = BankClient(
        "http://bank", transport=httpx.ASGITransport(app=bank_simulator.app)
    )
    rt.app.state.executor.chunk_size = 1000


async def measure(rt_env: runtime.Runtime, n: int) -> str:
    """Set up, time the run and the floor, render the lines of the report."""
    async with payments_service(rt_env, f"bench_pay_{uuid.uuid4().hex[:8]}") as rt:
        _bank(rt)
        began = time.perf_counter()
        await generate(rt, n, Printer())
        setup_s = time.perf_counter() - began
        with PeakRss() as peak:
            run_s = await timed_run(rt)
        dsn = runtime.plain_dsn(rt.engine.url.render_as_string(hide_password=False))
        floor_s = await copy_floor(dsn, n)
        paid = bank_simulator.bank.credit_count
    ratio = run_s / floor_s
    return "\n".join([
        f"payments monthly run, {n:,} beneficiaries of one county (bank simulator in process)",
        f"  setup (enrol + project, not timed): {setup_s:.1f}s",
        f"  run (instruct, bank, reconcile):    {run_s:.1f}s  ({n / run_s:,.0f} payments/s),"
        f" {paid:,} paid",
        f"  COPY floor of {n:,} payment rows:    {floor_s:.2f}s",
        f"  ratio run / floor:                  {ratio:,.0f}×",
        f"  peak RSS during the run:            {peak.mb:,.0f} MB"
        f"  (at its start {peak.start_mb:,.0f} MB; {peak.how})",
        f"  peak RSS of the process (+ setup):  {lifetime_peak_mb():,.0f} MB",
        targets(n, run_s, ratio),
    ])  # fmt: skip


def main() -> int:
    """Start a private PostgreSQL, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.payments_run", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--beneficiaries", type=int, default=100_000)
    size.add_argument("--province", action="store_true", help=f"{PROVINCE:,} beneficiaries")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    n = PROVINCE if args.province else args.beneficiaries
    with own_runtime() as rt_env:
        if args.profile:
            scope = {"rt_env": rt_env, "n": n}
            cProfile.runctx("asyncio.run(measure(rt_env, n))", globals(), scope, sort="cumulative")
        else:
            print(asyncio.run(measure(rt_env, n)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
