"""`python -m bench.province [--beneficiaries N]`: the monthly run with its readers live (#19).

`bench.payments_run` times the run alone. Here the run's events also flow while it executes, as
in production:
- the payments service's relay publishes them (both topics, ADR 0020);
- payments' own projections follow the store;
- supervision's audit-trail consumer, in a process of its own on its own database, copies every
  event into the audit trail every case is promised.

The population's events (enrolments and funds) count as published long before: the relay starts
after them. Reported:
- the run's time, against the event-store floor of the same run (ADR 0015), and against the
  floor of the same events stored, published and copied into a trail at once
  (`bench.flow_floor`, up to 1,000,000 beneficiaries);
- the trail's lag when the run ends, and the time after that until the trail holds every one of
  the run's events;
- the peak RSS of each process.
Default 200,000 beneficiaries; `--province` is 4,000,000.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
import uuid
from dataclasses import replace
from pathlib import Path

import asyncpg
from sqlalchemy import text

from bench import runtime
from bench.flow_floor import FlowFloor, measure_flow_floor
from bench.payments_executor import configure
from bench.payments_population import PROVINCE, Printer, generate, own_runtime, service_config
from bench.payments_run import (
    CHUNK_SIZE,
    bank_simulator_process,
    event_floor,
    last_position,
    timed_run,
)
from bench.processes import spawn, stop, tail
from bench.rss import PeakRss, lifetime_peak_mb
from payments.bootstrap import build
from services.embedded import EmbeddedBroker, free_port
from shared.collector import tune_collector
from shared.messaging.kafka import KafkaConfig
from shared.messaging.topics import events_topic
from shared.runtime import ServiceRuntime

WORK_DIR = runtime.DATA_DIR / "bench-province"
POLL_S = 2.0
TRAIL_TIMEOUT_S = 4 * 3600.0
TARGET_TRAIL_S = 60.0  # the issue: the trail complete within a minute of the run's end
TARGET_RUN_RATIO = 6.0  # … and the run within 6× the event-store floor
# the flow floor publishes the run's events again: tansu keeps every record in memory, and at the
# province's 8 M events twice more would not fit beside the run's own (24 GB)
FLOW_FLOOR_MAX = 1_000_000


async def trail_count(dsn: str) -> int:
    """The payments events supervision's audit trail holds."""
    conn = await asyncpg.connect(dsn)
    try:
        query = "SELECT count(*) FROM audit_trail WHERE service = 'payments'"
        return int(await conn.fetchval(query))
    except asyncpg.UndefinedTableError:
        return 0  # not migrated yet
    finally:
        await conn.close()


async def mark_published(rt: ServiceRuntime, position: int) -> None:
    """The population's events went out long ago: the relay starts after them."""
    async with rt.engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO relay_checkpoints (topic, position, broker_epoch) VALUES (:t, :p, 0)"
            ),
            {"t": events_topic("payments"), "p": position},
        )


def peak_mb(pid: int) -> float:
    """A live process's peak RSS (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def until_complete(dsn: str, expected: int) -> float:
    """Seconds until the trail holds `expected` payments events."""
    began = time.perf_counter()
    while await trail_count(dsn) < expected:
        if time.perf_counter() - began > TRAIL_TIMEOUT_S:
            raise TimeoutError(f"the trail did not reach {expected:,} events")
        await asyncio.sleep(POLL_S)
    return time.perf_counter() - began


async def measure(rt_env: runtime.Runtime, broker: EmbeddedBroker, n: int, executors: int) -> str:
    """Set up, run with the readers live, follow the trail to the end, render the report."""
    tag = uuid.uuid4().hex[:8]
    payments_url = await rt_env.fresh_database(f"bench_province_payments_{tag}")
    trail_url = await rt_env.fresh_database(f"bench_province_supervision_{tag}")
    trail_dsn = runtime.plain_dsn(trail_url)
    kafka = KafkaConfig(broker.bootstrap_servers, False, "bench-payments")
    rt = build(replace(service_config(payments_url), kafka=kafka))
    await rt.migrate()
    async with bank_simulator_process() as bank_url:
        configure(rt, bank_url, CHUNK_SIZE, executors)
        setup_began = time.perf_counter()
        await generate(rt, n, Printer())
        setup_s = time.perf_counter() - setup_began
        before_run = await last_position(rt)
        await mark_published(rt, before_run)
        log = WORK_DIR / "trail-reader.log"
        args = [
            "-m",
            "bench.trail_reader",
            "--database-url",
            trail_url,
            "--bootstrap",
            broker.bootstrap_servers,
        ]
        reader = spawn(log, args)
        halt = asyncio.Event()
        background = [
            asyncio.create_task(rt.relay.run(halt)),
            asyncio.create_task(rt.projections.run(halt)),
        ]
        try:
            tune_collector()
            with PeakRss() as peak:
                run_s = await timed_run(rt, executors, bank_url)
            expected = await last_position(rt) - before_run
            trail_at_end = await trail_count(trail_dsn)
            relay_lag_at_end = await rt.relay.lag()
            complete_s = await until_complete(trail_dsn, expected)
            reader_mb = peak_mb(reader.pid)
        except Exception:
            print(tail(log))
            raise
        finally:
            halt.set()
            await asyncio.gather(*background, return_exceptions=True)
            stop(reader)
    dsn = runtime.plain_dsn(payments_url)
    events, events_s = await event_floor(dsn, before_run)
    flow = None
    if n <= FLOW_FLOOR_MAX:
        flow = await measure_flow_floor(dsn, before_run, trail_dsn, broker.bootstrap_servers)
    await rt.close()
    ratio = run_s / events_s
    lag = expected - trail_at_end
    return "\n".join(
        [
            f"payments monthly run, {n:,} beneficiaries, {executors} executors, with the relay,"
            " payments' projections and supervision's audit-trail consumer live",
            f"  setup (enrol + project, not timed):     {setup_s:.1f}s",
            f"  run:                                    {run_s:.1f}s ({n / run_s:,.0f} payments/s)",
            f"  event-store floor of its {events:,} events: {events_s:.1f}s;"
            f" run / floor = {ratio:.1f}x (target <= {TARGET_RUN_RATIO:g}x:"
            f" {'yes' if ratio <= TARGET_RUN_RATIO else 'no'})",
            _flow_line(flow, run_s),
            f"  when the run ended: the trail held {trail_at_end:,} of {expected:,} events"
            f" (lag {lag:,}); the relay had {relay_lag_at_end:,} events still to publish",
            f"  trail complete {complete_s:.1f}s after the run ended"
            f" (target <= {TARGET_TRAIL_S:g}s: {'yes' if complete_s <= TARGET_TRAIL_S else 'no'})",
            f"  peak RSS: this process (service + executor 1) {peak.mb:,.0f} MB during the run,"
            f" {lifetime_peak_mb():,.0f} MB lifetime; trail reader {reader_mb:,.0f} MB",
        ]
    )


def _flow_line(flow: FlowFloor | None, run_s: float) -> str:
    if flow is None:
        return (
            f"  flow floor: not measured above {FLOW_FLOOR_MAX:,} beneficiaries (the in-memory"
            " broker would hold the run's records twice)"
        )
    return (
        f"  flow floor, the same events stored, published on both topics and copied into a"
        f" trail at once: {flow.together_s:.1f}s (store {flow.store_s:.1f}s, publish"
        f" {flow.publish_s:.1f}s, copy {flow.copy_s:.1f}s); run / flow floor ="
        f" {run_s / flow.together_s:.1f}x"
    )


def main() -> int:
    """Start a private PostgreSQL and broker, measure, print."""
    parser = argparse.ArgumentParser(prog="python -m bench.province", description=__doc__)
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--beneficiaries", type=int, default=200_000)
    size.add_argument("--province", action="store_true", help=f"{PROVINCE:,} beneficiaries")
    parser.add_argument("--executors", type=int, default=2)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    n = PROVINCE if args.province else args.beneficiaries
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    with own_runtime() as rt_env, EmbeddedBroker(free_port(), WORK_DIR / "broker.log") as broker:
        print(asyncio.run(measure(rt_env, broker, n, args.executors)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
