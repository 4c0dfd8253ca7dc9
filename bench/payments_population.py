"""`python -m bench.payments_population --beneficiaries N`: one county's enrolled population.

Writes N beneficiaries into a fresh payments store as payments records them — each stream
`beneficiary-bench-NNNNNNN:urban_dibao` gets `payments.BeneficiaryEnrolled` and
`payments.EntitlementCalculated` — with `EventStore.append_many`, a chunk of streams per
transaction; then one month of the county's funds (allocated and arrived), so a run is not
refused; then catches every projection up with the service's projection runner (`catch_up_all`), as
the service builds its read models. Only one chunk of events is in memory at a time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager, suppress
from datetime import date

from bench import runtime
from bench.rss import PeakRss, lifetime_peak_mb
from payments.application.periods import period_start
from payments.bootstrap import build
from payments.domain.beneficiary import BeneficiaryEnrolled, EntitlementCalculated
from payments.domain.funds import FundsAccount, FundsAllocated, FundsArrived
from payments.domain.run import earliest_period
from services.embedded import EmbeddedPostgres, free_port
from shared.clock import SystemClock, current_period, today
from shared.eventstore.envelope import Actor, EventMetadata
from shared.eventstore.store import NO_STREAM, StreamAppend
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime

COUNTY, TOWNSHIP, PROGRAMME = "620102", "620102001", "urban_dibao"
MONTHLY_FEN = 110_000
PROVINCE = 4_000_000
MAX_BENEFICIARIES = 10_000_000  # case ids have 7 digits
CHUNK = 4_000  # streams (8,000 events) per transaction
ACTOR = Actor("bench", "county_officer", "bench", COUNTY)
# the month the bench runs: a run pays last month at the earliest (ADR 0060), so it follows the
# wall clock, as the run's start does (`bench/payments_run.py`)
PERIOD = current_period(SystemClock())
# approved last month (ADR 0061): the run of this month looks whether last month's run missed
# them. No run paid last month here, so every beneficiary is looked at, as in a county's first
# run; in a steady month the run looks at those it did not pay the month before only
ARREARS_FROM = period_start(earliest_period(today(SystemClock())))

Progress = Callable[[str, int, int], None]  # phase, done, total


def case_id(i: int) -> str:
    """The case id of beneficiary number i."""
    return f"bench-{i:07d}"


def payee(i: int) -> str:
    """The payee's name of beneficiary number i."""
    return f"户主{i}"


def bank_account(i: int) -> str:
    """The bank account of beneficiary number i."""
    return f"62284800{i:011d}"


def stream_id(i: int) -> str:
    """The beneficiary stream of beneficiary number i."""
    return f"beneficiary-{case_id(i)}:{PROGRAMME}"


def beneficiary_events(i: int) -> list[object]:
    """Enrolment and entitlement of beneficiary number i, as payments records them."""
    case = case_id(i)
    enrolled = BeneficiaryEnrolled(
        case, PROGRAMME, TOWNSHIP, COUNTY, "urban", 3, 100_000, None, 0, MONTHLY_FEN,
        date(2026, 1, 1), payee(i), bank_account(i), arrears_from=ARREARS_FROM,
    )  # fmt: skip
    entitlement = EntitlementCalculated(
        case, PROGRAMME, MONTHLY_FEN, date(2026, 1, 1), "dibao_gap", 70_000,
        "(70000 − 100000/3) × 3", "（70000 − 100000/3）× 3",
    )  # fmt: skip
    return [enrolled, entitlement]


def _chunk(rt: ServiceRuntime, start: int, stop: int) -> list[StreamAppend]:
    batches = []
    for i in range(start, stop):
        meta = EventMetadata(ACTOR, "bench", "生成数据", case_id=case_id(i))
        new = [rt.registry.serialize(e, meta) for e in beneficiary_events(i)]
        batches.append(StreamAppend(stream_id(i), new, NO_STREAM))
    return batches


async def enrol(rt: ServiceRuntime, n: int, progress: Progress, chunk: int = CHUNK) -> None:
    """Append N beneficiaries' streams, `chunk` streams per transaction."""
    progress("enrol", 0, n)
    for start in range(0, n, chunk):
        batches = _chunk(rt, start, min(n, start + chunk))
        async with rt.engine.begin() as conn:
            await rt.store.append_many(batches, conn)
        progress("enrol", min(n, start + chunk), n)


async def fund(rt: ServiceRuntime, n: int) -> None:
    """Allocate and receive one month's money for N beneficiaries."""
    funds = FundsAccount(FundsAccount.id_for(COUNTY, PROGRAMME))
    total = n * MONTHLY_FEN
    funds.allocate(FundsAllocated(COUNTY, PROGRAMME, "provincial", total, "bench"))
    funds.arrive(FundsArrived(COUNTY, PROGRAMME, "provincial", total))
    async with rt.engine.begin() as conn:
        repos = rt.app.state.repositories
        await repos.funds.save(funds, EventMetadata(ACTOR, "bench", "资金"), conn, 0)


async def project(rt: ServiceRuntime, progress: Progress) -> None:
    """Catch every projection up with the service's runner (one read of the log for all)."""
    head = await rt.store.head_position()
    watcher = asyncio.create_task(_watch(rt, head, progress))
    try:
        await rt.projections.catch_up_all()
    finally:
        watcher.cancel()
        with suppress(asyncio.CancelledError):
            await watcher
    progress("project", head, head)


async def _watch(rt: ServiceRuntime, head: int, progress: Progress) -> None:
    runner = rt.projections
    while True:  # the slowest projection's checkpoint: how far catch_up_all has come
        progress("project", min([await runner.checkpoint(n) for n in runner.projections]), head)
        await asyncio.sleep(5)


def _silent(phase: str, done: int, total: int) -> None:
    pass


async def generate(rt: ServiceRuntime, n: int, progress: Progress = _silent) -> dict[str, float]:
    """N enrolled and funded beneficiaries of one county, projected; seconds per phase."""
    if not 0 < n <= MAX_BENEFICIARIES:
        raise ValueError(f"1 to {MAX_BENEFICIARIES:,} beneficiaries, not {n:,}")
    if await rt.store.head_position() != 0:
        raise ValueError("the population is generated into an empty payments store")
    seconds = {}
    began = time.perf_counter()
    await enrol(rt, n, progress)
    seconds["enrol (append_many)"] = time.perf_counter() - began
    began = time.perf_counter()
    await fund(rt, n)
    seconds["funds"] = time.perf_counter() - began
    began = time.perf_counter()
    await project(rt, progress)
    seconds["project (catch_up_all)"] = time.perf_counter() - began
    return seconds


class Printer:
    """A progress callback that prints a line per phase at most every `every_s` seconds."""

    def __init__(self, every_s: float = 15.0, out: Callable[[str], None] | None = None) -> None:
        self.every_s = every_s
        self.out = out or (lambda line: print(line, file=sys.stderr, flush=True))
        self._began = time.perf_counter()
        self._phase, self._phase_began, self._first, self._last = "", 0.0, 0, 0.0

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if phase != self._phase:
            self._phase, self._phase_began, self._first, self._last = phase, now, done, now
        if now - self._last < self.every_s and done < total:
            return
        self._last = now
        elapsed = now - self._phase_began
        rate = f", {(done - self._first) / elapsed:,.0f}/s" if elapsed > 0 else ""
        self.out(
            f"  [{now - self._began:7.1f}s] {phase}: {done:,}/{total:,}"
            f" ({100 * done / max(total, 1):.0f}%{rate})"
        )


def service_config(database_url: str) -> ServiceConfig:
    """Payments' configuration for a bench database (no broker, bank at http://bank)."""
    _, public = ensure_dev_keypair(
        runtime.DATA_DIR / "bench-keys/k.pem", runtime.DATA_DIR / "bench-keys/k.pub"
    )
    return ServiceConfig("payments", database_url, KafkaConfig("127.0.0.1:1", False, "bench"),
                         public, "bench", "safetynet", bank_url="http://bank")  # fmt: skip


@contextmanager
def own_runtime() -> Iterator[runtime.Runtime]:
    """A PostgreSQL (fsync on) of the payments benches' own, never `python -m bench`'s."""
    pg_dir = runtime.DATA_DIR / f"bench-payments-pg-{os.getpid()}"
    shutil.rmtree(pg_dir, ignore_errors=True)
    postgres = EmbeddedPostgres(pg_dir, free_port(), fast=False)
    postgres.start()
    try:
        yield runtime.Runtime(postgres, None)  # type: ignore[arg-type]  # no broker needed
    finally:
        postgres.stop()
        shutil.rmtree(pg_dir, ignore_errors=True)


@asynccontextmanager
async def payments_service(rt_env: runtime.Runtime, name: str) -> AsyncIterator[ServiceRuntime]:
    """Payments wired onto a fresh, migrated database `name`; its engine disposed afterwards."""
    rt = build(service_config(await rt_env.fresh_database(name)))
    try:
        await rt.migrate()
        yield rt
    finally:
        await rt.engine.dispose()


async def _generate_and_report(rt: ServiceRuntime, n: int) -> None:
    print(f"payments population, {n:,} beneficiaries of county {COUNTY}", flush=True)
    began = time.perf_counter()
    with PeakRss() as peak:
        seconds = await generate(rt, n, Printer(out=lambda line: print(line, flush=True)))
    total = time.perf_counter() - began
    events = await rt.store.head_position()
    for phase, s in seconds.items():
        print(f"  {phase + ':':42} {s:8.1f}s{_rate(phase, s, n, events)}")
    print(f"  {'total:':42} {total:8.1f}s  ({events:,} events)")
    print(f"  {'peak RSS of the generator:':42} {peak.mb:8,.0f} MB  (at its start"
          f" {peak.start_mb:,.0f} MB; {peak.how})")  # fmt: skip
    print(f"  {'peak RSS of the process (ru_maxrss):':42} {lifetime_peak_mb():8,.0f} MB")


def _rate(phase: str, seconds: float, n: int, events: int) -> str:
    if phase == "funds" or seconds <= 0:
        return ""
    count, unit = (n, "streams") if phase.startswith("enrol") else (events, "events")
    return f"  ({count / seconds:,.0f} {unit}/s)"


async def _script(n: int, database_url: str | None) -> None:
    if database_url is None:
        with own_runtime() as rt_env:
            async with payments_service(rt_env, "bench_population") as rt:
                await _generate_and_report(rt, n)
        return
    rt = build(service_config(database_url))  # kept afterwards: for runs by hand
    try:
        await rt.migrate()
        await _generate_and_report(rt, n)
    finally:
        await rt.engine.dispose()


def main() -> int:
    """Generate into a private PostgreSQL (removed afterwards) or a given empty database."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.payments_population", description=__doc__
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--beneficiaries", type=int, default=100_000)
    size.add_argument("--province", action="store_true", help=f"{PROVINCE:,} beneficiaries")
    parser.add_argument(
        "--database-url",
        help="an empty payments database (postgresql+asyncpg://…) to fill and keep;"
        " default: a private embedded PostgreSQL, removed afterwards",
    )
    args = parser.parse_args()
    asyncio.run(_script(PROVINCE if args.province else args.beneficiaries, args.database_url))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
