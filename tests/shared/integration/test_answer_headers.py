"""Every answer is kept out of caches and never sniffed, unless its route says otherwise
(`shared.http.correlation`, beside the correlation id)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http.tokens import ensure_dev_keypair
from tests.shared.integration.http_kernel_app import in_process_client, kernel_app


@pytest.fixture
async def client(engine: AsyncEngine, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    router = APIRouter()

    @router.get("/v1/public-document")
    async def public_document() -> JSONResponse:
        return JSONResponse({"schema": 1}, headers={"Cache-Control": "public, max-age=3600"})

    _, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    async with in_process_client(kernel_app(engine, public, [router])) as opened:
        yield opened


@pytest.mark.parametrize("path", ["/healthz", "/v1/no-such-route"])
async def test_an_answer_is_not_stored_by_any_cache_nor_sniffed(
    client: httpx.AsyncClient, path: str
) -> None:
    answer = await client.get(path)
    assert answer.headers["cache-control"] == "no-store"
    assert answer.headers["x-content-type-options"] == "nosniff"


async def test_a_route_that_sets_its_own_cache_control_keeps_it(client: httpx.AsyncClient) -> None:
    answer = await client.get("/v1/public-document")
    assert answer.headers["cache-control"] == "public, max-age=3600"
    assert answer.headers["x-content-type-options"] == "nosniff"
