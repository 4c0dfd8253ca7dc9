"""`python -m services status`: outbox lag, consumer lag, dead letters, projection checkpoints."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from services.settings import SERVICES, Settings
from shared.db import create_engine

_OUTBOX = text(
    "SELECT (SELECT coalesce(max(position), 0) FROM events) AS head,"
    " (SELECT max(position) FROM relay_checkpoints WHERE topic LIKE :t) AS relayed"
)
_CONSUMERS = text(
    'SELECT consumer_group, topic, partition, "offset", high_water, broker_epoch, updated_at'
    " FROM consumer_partitions ORDER BY consumer_group, topic, partition"
)
_DEAD = text(
    "SELECT consumer_group, status, count(*) AS n FROM dead_letters"
    " GROUP BY consumer_group, status ORDER BY consumer_group, status"
)
_PROJECTIONS = text("SELECT projection, position FROM projection_checkpoints ORDER BY projection")


def attach_embedded(settings: Settings) -> Settings:
    """Settings that reach the `make run` embedded PostgreSQL/broker for whatever is not set."""
    pg = f"postgresql://postgres@127.0.0.1:{settings.embedded_postgres_port}/postgres"
    kafka = f"127.0.0.1:{settings.embedded_kafka_port}"
    database_url = settings.database_url
    if database_url is None and not settings.database_overrides:
        database_url = settings.with_embedded(pg, kafka).database_url
    return dataclasses.replace(
        settings,
        database_url=database_url,
        kafka_bootstrap_servers=settings.kafka_bootstrap_servers or kafka,
    )


async def status(settings: Settings, services: Sequence[str] = SERVICES) -> dict[str, Any]:
    """Per service: outbox lag, consumer lag per group and partition, dead letters, checkpoints."""
    settings = attach_embedded(settings)
    return {service: await service_status(settings, service) for service in services}


async def service_status(settings: Settings, service: str) -> dict[str, Any]:
    """One service's figures, read from its own database; an unreachable one reports the error."""
    engine = create_engine(settings.database_url_for(service))
    try:
        async with engine.connect() as conn:
            return await _figures(conn, service)
    except Exception as error:  # status reports every failure
        return {"error": f"{type(error).__name__}: {error}"}
    finally:
        await engine.dispose()


async def _figures(conn: AsyncConnection, service: str) -> dict[str, Any]:
    # any namespace: a service's database relays only its own events topic
    outbox = (await conn.execute(_OUTBOX, {"t": f"%.{service}.events"})).one()
    head, relayed = int(outbox.head), int(outbox.relayed or 0)
    consumers = [
        {
            "group": r.consumer_group,
            "topic": r.topic,
            "partition": r.partition,
            "offset": r.offset,
            "high_water": r.high_water,
            "lag": None if r.high_water is None else max(0, r.high_water - r.offset),
            "broker_epoch": r.broker_epoch,
            "updated_at": r.updated_at.isoformat(),
        }
        for r in await conn.execute(_CONSUMERS)
    ]
    dead: dict[str, dict[str, int]] = {}
    for r in await conn.execute(_DEAD):
        dead.setdefault(r.consumer_group, {})[r.status] = int(r.n)
    projections = {
        r.projection: {"position": int(r.position), "behind": max(0, head - int(r.position))}
        for r in await conn.execute(_PROJECTIONS)
    }
    return {
        "store_head": head,
        "outbox": {"relayed_to": relayed, "lag": max(0, head - relayed)},
        "consumers": consumers,
        "dead_letters": dead,
        "projections": projections,
    }


def render(report: dict[str, Any]) -> str:
    """The report as printable tables, one block per service."""
    lines: list[str] = []
    for service, figures in report.items():
        lines.append(f"== {service} ==")
        if "error" in figures:
            lines += [f"  unreachable: {figures['error']}", ""]
            continue
        outbox = figures["outbox"]
        lines.append(
            f"  store head {figures['store_head']}   outbox relayed to {outbox['relayed_to']}"
            f"   outbox lag {outbox['lag']}"
        )
        lines += _table(
            ("group", "topic", "part", "offset", "high", "lag"),
            [
                (c["group"], c["topic"], c["partition"], c["offset"], c["high_water"], c["lag"])
                for c in figures["consumers"]
            ],
        )
        dead = [(g, s, n) for g, by in figures["dead_letters"].items() for s, n in by.items()]
        lines += _table(("dead-letter group", "status", "count"), dead or [("-", "none", 0)])
        lines += _table(
            ("projection", "checkpoint", "behind"),
            [(n, p["position"], p["behind"]) for n, p in figures["projections"].items()],
        )
        lines.append("")
    return "\n".join(lines)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    cells = [[str(h) for h in header], *[["-" if v is None else str(v) for v in r] for r in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    out = ["  " + "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    out.insert(1, "  " + "  ".join("-" * w for w in widths))
    return out


async def status_command(settings: Settings, as_json: bool = False) -> int:
    """The CLI command: print the tables (or JSON); 0 when every service's database answered."""
    report = await status(settings)
    print(json.dumps(report, indent=2, ensure_ascii=False) if as_json else render(report))
    return 0 if all("error" not in figures for figures in report.values()) else 1
