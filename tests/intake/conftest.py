"""Intake on the real PostgreSQL, in process: a manual clock, tokens, helpers for the stories."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from intake.bootstrap import build
from shared.clock import CHINA, ManualClock, today
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.support import days_from, division_of

APPLICANT = "11010519491231002X"
SPOUSE = "110105194805160011"
TOWNSHIP = "620102001"  # 兰州市城关区 某街道
OTHER_TOWNSHIP = "620103001"  # 兰州市七里河区 某街道
FRIDAY_MORNING = datetime(2026, 11, 27, 9, 0, tzinfo=CHINA)  # the `intake` fixture's pinned clock
TODAY = today(ManualClock(FRIDAY_MORNING))
SIGNED_ON = days_from(TODAY, -7)  # the authorisation was signed a week before the application


def body(**changes: object) -> dict[str, object]:
    """A valid one-person urban dibao application; keyword arguments replace fields."""
    base: dict[str, object] = {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": APPLICANT, "name": "张桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": APPLICANT,
            "signed_on": SIGNED_ON,
            "document_ref": "授权-1",
        },
    }
    return {**base, **changes}


@dataclass
class Intake:
    """The in-process intake service, its clock and a token signer."""

    runtime: ServiceRuntime
    signer: TokenSigner
    clock: ManualClock

    def client(self) -> httpx.AsyncClient:
        """An HTTP client on the ASGI app."""
        transport = httpx.ASGITransport(app=self.runtime.app)
        return httpx.AsyncClient(transport=transport, base_url="http://t")

    def headers(
        self,
        role: str = "township_officer",
        division: str | None = None,
        if_match: int | None = None,
        org: str = "城关区民政",
    ) -> dict[str, str]:
        """Bearer token (by default for the division `role` stands at over TOWNSHIP's county), a
        fresh Idempotency-Key and optionally If-Match."""
        division = division or division_of(role, TOWNSHIP[:6])
        token = self.signer.mint(f"client-{role}-{division}", role, division, org)
        headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return headers

    async def caught_up(self) -> None:
        """Bring every projection up to date (the background runner does this when serving)."""
        await self.runtime.projections.catch_up_all()

    async def types(self) -> list[str]:
        """The type of every event in the store, in log order."""
        async with self.runtime.engine.connect() as conn:
            result = await conn.execute(text("SELECT type FROM events ORDER BY position"))
            return [str(t) for t in result.scalars()]

    async def events_of(self, type_name: str) -> list[dict[str, Any]]:
        """Data and metadata of every event of one type."""
        async with self.runtime.engine.connect() as conn:
            result = await conn.execute(
                text("SELECT data, metadata FROM events WHERE type = :t ORDER BY position"),
                {"t": type_name},
            )
            return [{"data": r.data, "metadata": r.metadata} for r in result]


@pytest.fixture
async def intake(database_url: str, tmp_path: Path) -> AsyncIterator[Intake]:
    """Intake wired on a fresh database with a manual clock (Friday 27 Nov 2026, 09:00)."""
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    config = ServiceConfig(
        service="intake",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
    )
    clock = ManualClock(FRIDAY_MORNING)
    runtime = build(replace(config, clock=clock))
    await runtime.migrate()
    yield Intake(runtime, TokenSigner(private, "test", "safetynet"), clock)
    await runtime.engine.dispose()
