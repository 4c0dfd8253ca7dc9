"""Starts services: embedded runtime if asked, migrations, topics, HTTP and background loops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Coroutine, Iterator, Sequence
from dataclasses import replace
from typing import Any, TypeVar

import uvicorn
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from services.composition import build_runtime, follow_readers
from services.embedded import EmbeddedBroker, EmbeddedPostgres, ensure_database
from services.settings import SERVICES, Settings
from services.simulators import available
from shared.collector import tune_collector
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.topics import dlq_topic, ensure_topics, events_topic, internal_topic
from shared.runtime import ServiceRuntime

T = TypeVar("T")

log = logging.getLogger("safetynet.runner")


class _QuietServer(uvicorn.Server):
    """A uvicorn server that leaves signal handling to the runner (several share one loop)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


@contextlib.contextmanager
def embedded_runtime(settings: Settings) -> Iterator[Settings]:
    """Start the embedded PostgreSQL and broker (data under data_dir) and point settings at them."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    postgres = EmbeddedPostgres(settings.data_dir / "pg", settings.embedded_postgres_port)
    broker = EmbeddedBroker(settings.embedded_kafka_port, settings.data_dir / "broker.log")
    with postgres, broker:
        log.info("embedded PostgreSQL on %s, broker on %s", postgres.port, broker.bootstrap_servers)
        yield replace(
            settings,
            database_url=postgres.server_url,
            kafka_bootstrap_servers=broker.bootstrap_servers,
            kafka_idempotence=False,
            kafka_replication_factor=1,
        )


async def prepare(
    settings: Settings, services: Sequence[str], dev_keys: bool = False
) -> list[ServiceRuntime]:
    """Keys, databases, topics and migrations: everything idempotent, done before serving.

    Only the embedded mode (`dev_keys`) makes a development key pair; elsewhere the public key
    (or JWKS) is provisioned by the operator and never overwritten here.
    """
    if dev_keys:
        ensure_dev_keypair(settings.jwt_private_key_path, settings.jwt_public_key_path)
    for service in services:
        url = make_url(settings.database_url_for(service))
        server_url = url.set(database="postgres").render_as_string(hide_password=False)
        await ensure_database(server_url, str(url.database))
    await create_topics(settings)
    runtimes = [build_runtime(settings, service) for service in services]
    if not settings.relay_republish_everything:
        follow_readers(runtimes)
    for runtime in runtimes:
        applied = await runtime.migrate()
        log.info("%s: migrations applied %s", runtime.name, applied or "none (up to date)")
    return runtimes


async def create_topics(settings: Settings) -> None:
    """Every service's internal, events and dead-letter topics (partitions/replicas as set)."""
    topics = [t for s in SERVICES for t in (internal_topic(s), events_topic(s), dlq_topic(s))]
    await ensure_topics(
        settings.kafka_config("safetynet-topics"),
        topics,
        settings.kafka_topic_partitions,
        settings.kafka_replication_factor,
    )


def serve_forever(main: Coroutine[Any, Any, T]) -> T:
    """Run a serving coroutine on uvloop where installed (ADR 0011), plain asyncio otherwise."""
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency except on Windows
        return asyncio.run(main)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)


async def serve(
    settings: Settings,
    services: Sequence[str],
    with_simulators: bool = False,
    dev_keys: bool = False,
) -> None:
    """Serve the given services (and the simulators) until SIGINT/SIGTERM, then stop cleanly."""
    runtimes = await prepare(settings, services, dev_keys)
    tune_collector(settings.gc_gen0_threshold)  # what start-up built stays (ADR 0014)
    stop = _stop_on_signals()
    apps = {r.name: (r.app, settings.service_ports[r.name]) for r in runtimes}
    if with_simulators:
        apps |= {name: (app, settings.simulator_ports[name]) for name, app in available().items()}
    servers = {name: _server(settings, app, port) for name, (app, port) in apps.items()}
    tasks = [asyncio.create_task(s.serve(), name=f"http-{n}") for n, s in servers.items()]
    tasks += [asyncio.create_task(r.run_background(stop), name=f"bg-{r.name}") for r in runtimes]
    for name, (_, port) in apps.items():
        log.info("%s listening on http://%s:%s (docs at /docs)", name, settings.host, port)
    await _until_stopped(stop, tasks)
    for server in servers.values():
        server.should_exit = True
    await asyncio.gather(*tasks, return_exceptions=True)
    for runtime in runtimes:
        await runtime.close()
    log.info("stopped")


async def _until_stopped(stop: asyncio.Event, tasks: list[asyncio.Task[None]]) -> None:
    stopper = asyncio.create_task(stop.wait())
    done, _ = await asyncio.wait([stopper, *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        if task is not stopper and task.exception() is not None:
            log.error("%s failed: %r", task.get_name(), task.exception())
    stop.set()


async def serve_simulators(settings: Settings) -> None:
    """Serve only the partner simulators (for tests and distributed development)."""
    stop = _stop_on_signals()
    apps = available()
    tune_collector(settings.gc_gen0_threshold)  # the bank's ledger grows to millions (ADR 0014)
    servers = [_server(settings, app, settings.simulator_ports[n]) for n, app in apps.items()]
    tasks = [asyncio.create_task(s.serve()) for s in servers]
    log.info("simulators %s serving", sorted(apps))
    await _until_stopped(stop, tasks)
    for server in servers:
        server.should_exit = True
    await asyncio.gather(*tasks, return_exceptions=True)


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


def _server(settings: Settings, app: FastAPI, port: int) -> uvicorn.Server:
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=port,
        log_config=None,
        access_log=False,
        lifespan="on",
    )
    return _QuietServer(config)
