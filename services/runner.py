"""Starts services: embedded runtime if asked, migrations, topics, HTTP and background loops."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterator, Sequence
from dataclasses import replace

import uvicorn
from sqlalchemy.engine import make_url

from services.composition import build_runtime
from services.embedded import EmbeddedBroker, EmbeddedPostgres, ensure_database
from services.settings import SERVICES, Settings
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.topics import dlq_topic, ensure_topics, events_topic
from shared.runtime import ServiceRuntime

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
        )


async def prepare(settings: Settings, services: Sequence[str]) -> list[ServiceRuntime]:
    """Keys, databases, topics and migrations: everything idempotent, done before serving."""
    ensure_dev_keypair(settings.jwt_private_key_path, settings.jwt_public_key_path)
    for service in services:
        url = make_url(settings.database_url_for(service))
        server_url = url.set(database="postgres").render_as_string(hide_password=False)
        await ensure_database(server_url, str(url.database))
    assert settings.kafka_bootstrap_servers is not None
    topics = [t for s in SERVICES for t in (events_topic(s), dlq_topic(s))]
    await ensure_topics(settings.kafka_bootstrap_servers, topics)
    runtimes = [build_runtime(settings, service) for service in services]
    for runtime in runtimes:
        applied = await runtime.migrate()
        log.info("%s: migrations applied %s", runtime.name, applied or "none (up to date)")
    return runtimes


async def serve(settings: Settings, services: Sequence[str]) -> None:
    """Serve the given services until SIGINT/SIGTERM, then stop everything cleanly."""
    runtimes = await prepare(settings, services)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    servers = [_server(settings, runtime) for runtime in runtimes]
    pairs = zip(servers, runtimes, strict=True)
    tasks = [asyncio.create_task(s.serve(), name=f"http-{r.name}") for s, r in pairs]
    tasks += [asyncio.create_task(r.run_background(stop), name=f"bg-{r.name}") for r in runtimes]
    for runtime in runtimes:
        port = settings.service_ports[runtime.name]
        log.info("%s listening on http://%s:%s (docs at /docs)", runtime.name, settings.host, port)
    await _until_stopped(stop, tasks)
    for server in servers:
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


def _server(settings: Settings, runtime: ServiceRuntime) -> uvicorn.Server:
    config = uvicorn.Config(
        runtime.app,
        host=settings.host,
        port=settings.service_ports[runtime.name],
        log_config=None,
        access_log=False,
        lifespan="on",
    )
    return _QuietServer(config)
