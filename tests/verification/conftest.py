"""Fixtures: verification on a fresh real database, the simulator in-process, a manual clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from services.simulators.partner_data import app as simulator
from shared.clock import ManualClock
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.support import standing_division
from tests.verification.support import COUNTY, PINNED, TOWNSHIP, Api, application, submitted
from verification.adapters.partner_data import PartnerDataClient
from verification.application.service import Policy
from verification.bootstrap import build


@dataclass
class Verifying:
    """The wired service with its clock, and API clients per role."""

    runtime: ServiceRuntime
    clock: ManualClock
    client: httpx.AsyncClient
    signer: TokenSigner

    def as_(self, role: str, division: str) -> Api:
        """An API client acting as a role within a division."""
        return Api(self.client, self.signer, role, standing_division(role, division))

    @property
    def township(self) -> Api:
        """The township officer of the applicants' township."""
        return self.as_("township_officer", TOWNSHIP)

    @property
    def county(self) -> Api:
        """The county civil affairs officer."""
        return self.as_("county_officer", COUNTY)

    async def open_case(self, case_id: str, resident_ids: list[str], **changes: Any) -> None:
        """Deliver intake.ApplicationSubmitted to verification's consumer handler."""
        handler = self.runtime.handlers["verification.intake"]
        async with self.runtime.engine.begin() as conn:
            await handler(submitted(application(case_id, resident_ids, **changes)), conn)
        await self.runtime.projections.catch_up_all()

    async def events(self, type_name: str) -> list[dict[str, Any]]:
        """Data of the stored events of one type, in order."""
        async with self.runtime.engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT data FROM events WHERE type = :t ORDER BY position"), {"t": type_name}
            )
            return [r.data for r in rows]


def make_partner(timeout_s: float = 0.3) -> PartnerDataClient:
    """The partner client talking to the simulator in-process."""
    return PartnerDataClient(
        "http://partner",
        timeout_s=timeout_s,
        attempts=2,
        backoff_s=0.01,
        transport=httpx.ASGITransport(app=simulator),
    )


@pytest.fixture
def policy() -> Policy:
    """The default policy (tests override this fixture to configure it)."""
    return Policy()


@pytest.fixture
async def verifying(database_url: str, tmp_path: Path, policy: Policy) -> AsyncIterator[Verifying]:
    """Verification on a fresh database, its clock pinned at PINNED (Monday 23 Nov 2026 10:00)."""
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    config = ServiceConfig(
        service="verification",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
    )
    clock = ManualClock(PINNED)
    runtime = build(replace(config, clock=clock), policy=policy, partner=make_partner())
    await runtime.migrate()
    transport = httpx.ASGITransport(app=runtime.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t", timeout=30) as client:
        yield Verifying(runtime, clock, client, TokenSigner(private, "test", "safetynet"))
    await runtime.engine.dispose()
