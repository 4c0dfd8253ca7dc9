"""What a receiver answers beyond its status is never read: an endless body cannot hold the
dispatcher or fill its memory (ADR 0036). The clock is the package's pinned `clock` fixture."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator

import uvicorn
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.routing import Route

from services.embedded import free_port
from shared.clock import ManualClock
from supervision.application.webhook_dispatch import Dispatcher
from tests.supervision.integration.test_webhook_ssrf import SETTINGS, Highest, _delivery, _queued
from tests.support import eventually


async def _endless(request: Request) -> StreamingResponse:
    async def chunks() -> AsyncIterator[bytes]:
        while True:
            yield b"x" * 65_536
            await asyncio.sleep(0)

    return StreamingResponse(chunks(), status_code=200)


async def test_a_receiver_answering_an_endless_body_is_delivered_and_its_body_never_read(
    engine: AsyncEngine, clock: ManualClock
) -> None:
    port = free_port()
    config = uvicorn.Config(
        Starlette(routes=[Route("/hook", _endless, methods=["POST"])]),
        host="127.0.0.1", port=port, log_config=None, access_log=False, lifespan="off",
    )  # fmt: skip
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    try:
        await eventually(lambda: server.started, message="receiver never started")
        delivery = await _queued(engine, clock, f"http://127.0.0.1:{port}/hook")
        settings = dataclasses.replace(SETTINGS, plain_http_hosts=("127.0.0.1",))
        dispatcher = Dispatcher(engine, clock, settings, Highest())
        assert await asyncio.wait_for(dispatcher.dispatch_due(), timeout=30) == 1
        recorded = await _delivery(engine, delivery)
        assert (recorded["status"], recorded["last_status_code"]) == ("delivered", 200)
    finally:
        server.should_exit = True
        await serving
