"""Payments fixtures: the service in process on a fresh real database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from payments.bootstrap import build
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from tests.payments.support import Payments, config, in_process_bank


@pytest.fixture
async def payments(database_url: str, tmp_path: Path) -> AsyncIterator[Payments]:
    """Payments wired on a fresh database, paying through the in-process bank simulator."""
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    runtime = build(config(database_url, public))
    runtime.app.state.executor.bank = in_process_bank()
    await runtime.migrate()
    yield Payments(runtime, TokenSigner(private, "test", "safetynet"))
    await runtime.engine.dispose()
