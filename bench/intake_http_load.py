"""Load for `python -m bench.intake_http`: distinct applications, a closed-loop generator."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from bench.raw_http import RawConnection
from shared.identity import check_char

TOWNSHIP = "620102001"  # 兰州市城关区 某街道
REGION = "620102"
FIRST_BIRTH = date(1950, 1, 1)
PATH = "/v1/applications"


def resident_id(index: int) -> str:
    """A valid, distinct 18-character resident ID for every index (1000 per birth date)."""
    born = FIRST_BIRTH + timedelta(days=index // 1000)
    first17 = f"{REGION}{born:%Y%m%d}{index % 1000:03d}"
    return first17 + check_char(first17)


def application(index: int) -> bytes:
    """One valid one-person urban dibao application (the OpenAPI example's shape) as JSON."""
    rid = resident_id(index)
    body = {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": rid, "name": "张桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000 + index % 1000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": rid,
            "signed_on": "2026-11-20",
            "document_ref": f"城关区-授权-{index:06d}",
        },
        "channel": "counter",
    }
    return json.dumps(body, ensure_ascii=False).encode()


@dataclass(frozen=True)
class Request:
    """A prepared POST: body and headers, built before the clock starts."""

    body: bytes
    headers: dict[str, str]


class Applications:
    """Hands out prepared requests with application indexes that never repeat within a run."""

    def __init__(self, token: str) -> None:
        self._auth = f"Bearer {token}"
        self._next = 0

    def take(self, count: int) -> list[Request]:
        """`count` fresh requests: distinct residents, distinct Idempotency-Keys."""
        first, self._next = self._next, self._next + count
        return [
            Request(
                application(i),
                {
                    "Authorization": self._auth,
                    "Idempotency-Key": str(uuid.uuid4()),
                    "Content-Type": "application/json",
                },
            )
            for i in range(first, first + count)
        ]


@dataclass(frozen=True)
class Round:
    """One timed round: requests, seconds, latencies, CPU seconds by process, DB sessions."""

    requests: int
    seconds: float
    latencies: tuple[float, ...]
    cpu_s: dict[str, float]
    lock_waiters: float = 0.0  # mean sessions waiting on an advisory lock
    busy_sessions: float = 0.0  # mean sessions not idle

    @property
    def per_second(self) -> float:
        """Requests per second."""
        return self.requests / self.seconds

    def percentile_ms(self, q: float) -> float:
        """Latency percentile in milliseconds (nearest rank)."""
        ordered = sorted(self.latencies)
        rank = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
        return ordered[rank] * 1000


@dataclass(frozen=True)
class PeerResult:
    """Every timed round of a peer; the report uses the median round by requests per second."""

    peer: str
    rounds: tuple[Round, ...]

    @property
    def median(self) -> Round:
        """The round with the median rate."""
        ranked = sorted(self.rounds, key=lambda r: r.per_second)
        return ranked[len(ranked) // 2]

    @property
    def per_second(self) -> float:
        """Median requests per second."""
        return statistics.median(r.per_second for r in self.rounds)


class LoadFailed(RuntimeError):
    """A request was not answered 201."""


async def fire(
    base_url: str, path: str, work: Sequence[Request], concurrency: int
) -> tuple[float, tuple[float, ...]]:
    """POST every request with `concurrency` closed-loop workers, one kept-alive connection each
    (bench.raw_http); elapsed s and latencies."""
    latencies: list[float] = []
    queue = iter(work)
    connections = [await RawConnection.open(base_url) for _ in range(concurrency)]

    async def worker(connection: RawConnection) -> None:
        for request in queue:
            began = time.perf_counter()
            status, body = await connection.post(path, request.body, request.headers)
            latencies.append(time.perf_counter() - began)
            if status != 201:
                raise LoadFailed(f"{base_url}{path} answered {status}: {body[:500]!r}")

    try:
        began = time.perf_counter()
        await asyncio.gather(*(worker(c) for c in connections))
        return time.perf_counter() - began, tuple(latencies)
    finally:
        for connection in connections:
            await connection.close()


def cpu_seconds(pids: Sequence[int]) -> float:
    """User + system CPU seconds of the processes (and their reaped children) from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / ticks


def postgres_pids(postmaster: int) -> list[int]:
    """The postmaster and every live child (backends, WAL writer, checkpointer …)."""
    pids = [postmaster]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat[1]) == postmaster:
            pids.append(int(entry.name))
    return pids


def own_cpu_seconds() -> float:
    """CPU seconds of this (load generator) process."""
    return time.process_time()
