"""`python -m bench.payments_run [--beneficiaries N]`: a county's monthly run vs the COPY floor.

Generates N enrolled beneficiaries of one county (events appended straight to the store, then
projected), funds them, and times the whole run — payables instructed, sent to the bank
simulator (in process), answers recorded, run reconciled — against loading N payment rows of
the same shape with COPY in the same database (the floor). Prints time, peak memory and ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import os
import resource
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import asyncpg
import httpx

from bench import runtime
from payments.adapters.bank import BankClient
from payments.application.runs import StartRun, start_run
from payments.bootstrap import build
from payments.domain.beneficiary import BeneficiaryEnrolled, EntitlementCalculated
from payments.domain.funds import FundsAccount, FundsAllocated, FundsArrived
from services.embedded import EmbeddedPostgres, free_port
from services.simulators import bank as bank_simulator
from shared.eventstore.envelope import Actor, EventMetadata
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime

COUNTY, TOWNSHIP, PERIOD = "620102", "620102001", "2026-11"
MONTHLY_FEN = 110_000
SETUP_BATCH = 500


def _config(database_url: str) -> ServiceConfig:
    _, public = ensure_dev_keypair(
        runtime.DATA_DIR / "bench-keys/k.pem", runtime.DATA_DIR / "bench-keys/k.pub"
    )
    return ServiceConfig("payments", database_url, KafkaConfig("127.0.0.1:1", False, "bench"),
                         public, "bench", "safetynet", bank_url="http://bank")  # fmt: skip


def _beneficiary_events(i: int) -> tuple[str, list[object]]:
    case_id = f"bench-{i:07d}"
    enrolled = BeneficiaryEnrolled(
        case_id, "urban_dibao", TOWNSHIP, COUNTY, "urban", 3, 100_000, None, 0, MONTHLY_FEN,
        date(2026, 1, 1), f"户主{i}", f"62284800{i:011d}",
    )  # fmt: skip
    entitlement = EntitlementCalculated(
        case_id, "urban_dibao", MONTHLY_FEN, date(2026, 1, 1), "dibao_gap", 70_000,
        "(70000 − 100000/3) × 3", "（70000 − 100000/3）× 3",
    )  # fmt: skip
    return case_id, [enrolled, entitlement]


async def setup(rt: ServiceRuntime, n: int) -> None:
    """N enrolled beneficiaries and enough money, projected."""
    actor = Actor("bench", "county_officer", "bench", COUNTY)
    for start in range(0, n, SETUP_BATCH):
        async with rt.engine.begin() as conn:
            for i in range(start, min(n, start + SETUP_BATCH)):
                case_id, events = _beneficiary_events(i)
                meta = EventMetadata(actor, "bench", "生成数据", case_id=case_id)
                new = [rt.registry.serialize(e, meta) for e in events]
                await rt.store.append(f"beneficiary-{case_id}:urban_dibao", new, 0, conn)
    funds = FundsAccount(FundsAccount.id_for(COUNTY, "urban_dibao"))
    total = n * MONTHLY_FEN
    funds.allocate(FundsAllocated(COUNTY, "urban_dibao", "provincial", total, "bench"))
    funds.arrive(FundsArrived(COUNTY, "urban_dibao", "provincial", total))
    async with rt.engine.begin() as conn:
        repos = rt.app.state.repositories
        await repos.funds.save(funds, EventMetadata(actor, "bench", "资金"), conn, 0)
    await rt.projections.catch_up_all()


async def timed_run(rt: ServiceRuntime) -> float:
    """Start and execute the run; its wall-clock seconds."""
    began = time.perf_counter()
    actor = Actor("bench", "county_officer", "bench", COUNTY)
    async with rt.engine.begin() as conn:
        run = await start_run(
            StartRun(COUNTY, PERIOD, EventMetadata(actor, "bench", "月度发放")),
            rt.app.state.repositories, conn,
        )  # fmt: skip
    assert await rt.app.state.executor.execute(run.id)
    return time.perf_counter() - began


async def copy_floor(dsn: str, n: int) -> float:
    """COPY N payment rows of the same shape into a fresh table; its seconds."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TABLE copy_floor (LIKE payments_view INCLUDING ALL)")
        rows = [
            (f"bench-{i:07d}:urban_dibao:{PERIOD}", str(uuid.uuid4()), f"{COUNTY}-{PERIOD}",
             f"bench-{i:07d}", "urban_dibao", PERIOD, TOWNSHIP, MONTHLY_FEN, MONTHLY_FEN, 0, 1,
             f"i-{i}", f"户主{i}", f"62284800{i:011d}", "settled", None, None, None, 0, 9)
            for i in range(n)
        ]  # fmt: skip
        began = time.perf_counter()
        await conn.copy_records_to_table("copy_floor", records=rows)
        return time.perf_counter() - began
    finally:
        await conn.close()


async def measure(rt_env: runtime.Runtime, n: int) -> str:
    """Set up, time the run and the floor, render the lines of the report."""
    url = await rt_env.fresh_database(f"bench_pay_{uuid.uuid4().hex[:8]}")
    rt = build(_config(url))
    bank_simulator.bank.reset()
    rt.app.state.executor.bank = BankClient(
        "http://bank", transport=httpx.ASGITransport(app=bank_simulator.app)
    )
    rt.app.state.executor.chunk_size = 1000
    await rt.migrate()
    try:
        began = time.perf_counter()
        await setup(rt, n)
        setup_s = time.perf_counter() - began
        run_s = await timed_run(rt)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        floor_s = await copy_floor(runtime.plain_dsn(url), n)
        paid = len(bank_simulator.bank.credits)
    finally:
        await rt.engine.dispose()
    return "\n".join([
        f"payments monthly run, {n:,} beneficiaries of one county (bank simulator in process)",
        f"  setup (enrol + project, not timed): {setup_s:.1f}s",
        f"  run (instruct, bank, reconcile):    {run_s:.1f}s  ({n / run_s:,.0f} payments/s),"
        f" {paid:,} paid",
        f"  COPY floor of {n:,} payment rows:    {floor_s:.2f}s",
        f"  ratio run / floor:                  {run_s / floor_s:,.0f}×",
        f"  peak RSS of the process:            {peak_mb:,.0f} MB",
    ])  # fmt: skip


@contextmanager
def own_runtime() -> Iterator[runtime.Runtime]:
    """A PostgreSQL (fsync on) of this bench's own, so it never meets `python -m bench`'s."""
    pg_dir = runtime.DATA_DIR / f"bench-payments-pg-{os.getpid()}"
    shutil.rmtree(pg_dir, ignore_errors=True)
    postgres = EmbeddedPostgres(pg_dir, free_port(), fast=False)
    postgres.start()
    try:
        yield runtime.Runtime(postgres, None)  # type: ignore[arg-type]  # no broker needed
    finally:
        postgres.stop()
        shutil.rmtree(pg_dir, ignore_errors=True)


def main() -> int:
    """Start a private PostgreSQL, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.payments_run", description=__doc__)
    parser.add_argument("--beneficiaries", type=int, default=100_000)
    parser.add_argument("--profile", action="store_true", help="cProfile the timed run")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    with own_runtime() as rt_env:
        if args.profile:
            scope = {"rt_env": rt_env, "n": args.beneficiaries}
            cProfile.runctx("asyncio.run(measure(rt_env, n))", globals(), scope, sort="cumulative")
        else:
            print(asyncio.run(measure(rt_env, args.beneficiaries)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
