"""`python -m services status`: outbox lag, consumer lag, dead letters, projection checkpoints."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from services import console
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
    """The report as plain-text tables, one block per service (what the command prints)."""
    return console.to_text(*renderables(report))


def renderables(report: dict[str, Any]) -> list[RenderableType]:
    """Per service: a heading, then its outbox, consumer, dead-letter and checkpoint tables."""
    blocks: list[RenderableType] = []
    for service, figures in report.items():
        blocks.append(Text(f"== {service} ==", style="bold"))
        if "error" in figures:
            blocks.append(Text(f"unreachable: {figures['error']}", style="red"))
        else:
            blocks += _service_tables(figures)
    return blocks


def _service_tables(figures: dict[str, Any]) -> list[RenderableType]:
    outbox = figures["outbox"]
    consumers = [
        (c["group"], c["topic"], c["partition"], c["offset"], c["high_water"], c["lag"])
        for c in figures["consumers"]
    ]
    dead = [(g, s, n) for g, by in figures["dead_letters"].items() for s, n in by.items()]
    checkpoints = [(n, p["position"], p["behind"]) for n, p in figures["projections"].items()]
    return [
        console.table(
            "outbox",
            ("store head", "relayed to", "outbox lag"),
            [(figures["store_head"], outbox["relayed_to"], outbox["lag"])],
        ),
        console.table(
            "consumer lag",
            ("group", "topic", "partition", "offset", "high water", "lag"),
            consumers,
        ),
        console.table("dead letters", ("group", "status", "count"), dead),
        console.table("checkpoints", ("projection", "checkpoint", "behind"), checkpoints),
    ]


async def status_command(settings: Settings, as_json: bool = False) -> int:
    """The CLI command: print the tables (or JSON); 0 when every service's database answered."""
    report = await status(settings)
    if as_json:
        console.print_json(report)
    else:
        console.show(*renderables(report))
    return 0 if all("error" not in figures for figures in report.values()) else 1
