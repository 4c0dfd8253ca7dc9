"""What a service is at run time: its app, its store and the loops that keep it moving."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from fastapi import APIRouter, FastAPI
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.clock import Clock, SystemClock
from shared.db import Migration, create_engine, migrate
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.sealing import register_store_digest, seal_store
from shared.eventstore.store import EventStore
from shared.http.access import AccessTable
from shared.http.app import create_app
from shared.http.metrics import EVENTS_APPENDED
from shared.http.tokens import TokenVerifier
from shared.messaging.cloudevents import decode
from shared.messaging.consumer import EventConsumer
from shared.messaging.kafka import KafkaConfig
from shared.messaging.public_events import decode_public
from shared.messaging.relay import OutboxRelay
from shared.messaging.subscriptions import Subscription
from shared.places.api import router as places_router
from shared.projections.runner import Projection, ProjectionRunner
from shared.tracing import configure_tracing

log = logging.getLogger(__name__)

VERSION = "0.1.0"
Handler = Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]
Loop = Callable[[asyncio.Event], Awaitable[None]]  # a background loop (deadline watcher, …)


@dataclass(frozen=True)
class ServiceConfig:
    """Everything a service's bootstrap needs, already resolved by the composition root."""

    service: str
    database_url: str
    kafka: KafkaConfig
    token_public_key_pem: bytes
    jwt_issuer: str
    jwt_audience: str
    jwks_url: str | None = None
    relay_poll_interval_s: float = 0.2
    consumer_max_attempts: int = 5
    consumer_backoff_base_s: float = 0.2
    partner_data_url: str | None = None  # verification's partner data sources (VER-1)
    bank_url: str | None = None  # payments' bank API (PAY-3)
    otel_endpoint: str | None = None  # OTLP/HTTP collector; no span export when None
    otel_service_prefix: str = "safetynet"
    # connections kept open; more than the requests in flight plus the background loops, or
    # every overflow connection is opened (a new server process) and closed again per use
    db_pool_size: int = 20
    payment_run_partitions: int = 1  # payments: the parts a run is shared out in (ADR 0013)
    clock: Clock = field(default_factory=SystemClock)  # the service's one clock (tests set it)
    # The service's own policy object (verification: verification.application.service.Policy),
    # built from the settings by the composition root; None: the service's defaults.
    policy: object | None = None
    partner_timeout_s: float = 1.0  # verification: one partner-source request (VER-1)
    watcher_interval_s: float = 30.0  # verification: deadlines, retries, re-reviews loop
    digest_interval_s: float = 3600.0  # supervision: sealing audit-trail digests (SUP-1)
    store_digest_interval_s: float = 3600.0  # every service: sealing its own store (GEN-5)
    store_check_interval_s: float = 3600.0  # supervision: re-verifying every store (GEN-5)
    # supervision: each service's own database, read to re-verify its sealed ranges (GEN-5)
    source_database_urls: dict[str, str] = field(default_factory=dict, repr=False)
    deadline_interval_s: float = 300.0  # supervision: flagging overdue complaints
    # the deployment's key for pseudonyms of resident IDs on the public topics (ADR 0020);
    # None: one per process (pseudonyms then change at each restart)
    pseudonym_key: bytes | None = field(default=None, repr=False)
    # supervision: its webhook settings (supervision.application.webhooks.WebhookSettings),
    # built from the settings by the composition root; None: the defaults
    webhooks: object | None = None


@dataclass
class ServiceRuntime:
    """One wired service: the HTTP app plus its relay, projections and consumers."""

    name: str
    app: FastAPI
    engine: AsyncEngine
    store: EventStore
    registry: EventRegistry
    migrations: tuple[Migration, ...]
    projections: ProjectionRunner
    relay: OutboxRelay
    consumers: list[EventConsumer] = field(default_factory=list)
    handlers: dict[str, Handler] = field(default_factory=dict)
    loops: list[Loop] = field(default_factory=list)
    config: ServiceConfig | None = None

    def subscribe(self, subscription: Subscription, handler: Handler) -> None:
        """Give one of the service's declared consumer groups its handler, built by the
        bootstrap from the wired parts (the one way reactions are wired).

        It reads its sources' internal topics (the events as stored, ADR 0020), or their public
        `.events` view if the subscription says so (what may leave the platform: supervision's
        webhooks)."""
        group = subscription.group
        if group in self.handlers:
            raise ValueError(f"consumer group {group} is subscribed twice")
        assert self.config is not None, "subscribe() on a runtime wired without its config"
        self.consumers.append(
            EventConsumer(
                self.config.service,
                group,
                subscription.topics(),
                handler,
                self.engine,
                self.config.kafka,
                max_attempts=self.config.consumer_max_attempts,
                backoff_base_s=self.config.consumer_backoff_base_s,
                decoder=decode_public if subscription.public else decode,
            )
        )
        self.handlers[group] = handler

    async def migrate(self) -> list[str]:
        """Bring the service's database schema up to date."""
        return await migrate(self.engine, self.migrations)

    async def run_background(self, stop: asyncio.Event) -> None:
        """Run relay, projections and consumers until `stop` is set."""
        loops = [
            self.relay.run(stop),
            self.projections.run(stop),
            *(consumer.run(stop) for consumer in self.consumers),
            *(loop(stop) for loop in self.loops),
        ]
        await asyncio.gather(*loops)

    async def close(self) -> None:
        """Release connections."""
        await self.relay.close()
        for consumer in self.consumers:
            await consumer.close()
        await self.engine.dispose()


def wire(
    config: ServiceConfig,
    *,
    title: str,
    description: str,
    routers: Sequence[APIRouter],
    migrations: tuple[Migration, ...],
    register_events: Sequence[Callable[[EventRegistry], None]],
    projections: Sequence[Projection],
    access: AccessTable,
) -> ServiceRuntime:
    """The wiring every service shares: tracing, engine, store, registry, relay, consumers, app."""
    configure_tracing(config.service, config.otel_endpoint, config.otel_service_prefix)
    engine = create_engine(config.database_url, pool_size=config.db_pool_size)
    store = EventStore(engine, on_appended=_count_appends(config.service), clock=config.clock)
    registry = EventRegistry()
    for register in register_events:
        register(registry)
    register_store_digest(config.service, registry)
    verifier = TokenVerifier(
        config.jwt_issuer, config.jwt_audience, config.token_public_key_pem, config.jwks_url
    )
    checks = {
        "broker": lambda: broker_reachable(config.kafka.bootstrap_servers),
    }
    app = create_app(
        config.service,
        title=title,
        version=VERSION,
        description=description,
        routers=[*routers, places_router],  # names of places, on every service
        engine=engine,
        verifier=verifier,
        readiness_checks=checks,
        access=access,
        cursor_key=config.pseudonym_key,
    )
    app.state.store = store
    app.state.clock = config.clock
    app.state.registry = registry
    runtime = ServiceRuntime(
        name=config.service,
        app=app,
        engine=engine,
        store=store,
        registry=registry,
        migrations=migrations,
        projections=ProjectionRunner(engine, store, list(projections)),
        relay=OutboxRelay(
            config.service,
            engine,
            store,
            config.kafka,
            poll_interval_s=config.relay_poll_interval_s,
            pseudonym_key=config.pseudonym_key,
        ),
        config=config,
    )

    async def seal() -> None:
        await seal_store(engine, store, config.service, config.clock)

    runtime.loops.append(every(config.store_digest_interval_s, seal, "store digest"))
    return runtime


def every(interval_s: float, work: Callable[[], Awaitable[object]], name: str) -> Loop:
    """A background loop running `work` every `interval_s` until stopped; failures are logged."""

    async def loop(stop: asyncio.Event) -> None:
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), interval_s)
            if stop.is_set():
                return
            try:
                await work()
            except Exception:
                log.exception("%s loop failed; retrying next period", name)

    return loop


def _count_appends(service: str) -> Callable[[list[RecordedEvent]], None]:
    def count(recorded: list[RecordedEvent]) -> None:
        for event_type, appended in Counter(e.type for e in recorded).items():
            EVENTS_APPENDED.labels(service=service, type=event_type).inc(appended)

    return count


async def broker_reachable(bootstrap_servers: str) -> bool:
    """True when a bootstrap broker accepts a TCP connection."""
    for address in bootstrap_servers.split(","):
        host, _, port = address.strip().rpartition(":")
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, int(port)), 2.0)
        except (OSError, TimeoutError):
            continue
        writer.close()
        return True
    return False
