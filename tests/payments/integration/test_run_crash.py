"""A run killed with SIGKILL mid-way and started again pays everyone exactly once (PAY-3).

The executor is a real process (`python -m services execute-run`) paying through the
bank simulator served by uvicorn in another process; the bank is slow so the kill lands while
batches are in flight.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from services.embedded import free_port
from services.settings import PROJECT_ROOT
from shared.http.tokens import ensure_dev_keypair
from tests.payments.support import COUNTY, PERIOD, SINCE, Payments, approved, fund
from tests.support import eventually

HOUSEHOLDS = 40


@pytest.fixture
def bank_url(tmp_path: Path) -> Iterator[str]:
    """The bank simulator as a real HTTP server process."""
    port = free_port()
    with (tmp_path / "bank.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "services.simulators.bank:app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def worker(
    run_id: str, database_url: str, bank_url: str, data_dir: Path
) -> subprocess.Popen[bytes]:
    ensure_dev_keypair(data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem")
    env = {
        **os.environ,
        "SAFETYNET_DATA_DIR": str(data_dir),
        "PAYMENTS_DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",  # the worker publishes nothing itself
        "BANK_API_URL": bank_url,
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "services", "execute-run", run_id, "--chunk-size", "4"],
        cwd=PROJECT_ROOT, env=env,
    )  # fmt: skip


async def count(payments: Payments, event_type: str) -> int:
    async with payments.runtime.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT count(*) FROM events WHERE type = :t"), {"t": event_type}
        )
        return int(result.scalar_one())


@pytest.mark.req("PAY-3")
async def test_a_run_killed_mid_way_and_restarted_pays_nobody_twice_and_nobody_zero_times(
    payments: Payments, bank_url: str, database_url: str, tmp_path: Path
) -> None:
    async with payments.client() as client, httpx.AsyncClient(base_url=bank_url) as bank:
        # given 40 enrolled households and a slow bank
        await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": "urban_dibao",
                  "effective_from": SINCE, "monthly_per_person_fen": 70_000,
                  "reason": "县标准"},
            headers=payments.headers(),
        )  # fmt: skip
        await fund(payments, client, 100_000_000)
        for i in range(HOUSEHOLDS):
            await payments.consume("payments.decisions", approved(f"case-{i:03d}"))
        await eventually(lambda: _bank_up(bank), message="the bank simulator never started")
        await bank.post("/v1/control", json={"answer_delay_ms": 300})
        started = await client.post(
            "/v1/runs",
            json={"county_code": COUNTY, "period": PERIOD, "reason": "月度发放"},
            headers=payments.headers(),
        )
        run_id = started.json()["run_id"]
        await payments.settle_projections()

        # when the run's process is killed with SIGKILL after the bank paid a batch whose
        # answer it is still waiting for
        first = worker(run_id, database_url, bank_url, tmp_path)
        await eventually(
            lambda: _credits_at_least(bank, 10), timeout=60, message="the bank paid nobody"
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        paid_before_restart = len((await bank.get("/v1/ledger")).json()["credits"])
        recorded_before_restart = await count(payments, "payments.PaymentSettled")
        assert paid_before_restart < HOUSEHOLDS, "the kill came too late to prove anything"
        assert recorded_before_restart < paid_before_restart, "no answer was lost in the kill"

        # and started again
        second = worker(run_id, database_url, bank_url, tmp_path)
        await eventually(lambda: second.poll() is not None, timeout=90, message="never finished")
        assert second.returncode == 0

    # then the bank credited every household exactly once
    async with httpx.AsyncClient(base_url=bank_url) as bank:
        credits = (await bank.get("/v1/ledger")).json()["credits"]
    references = sorted(c["reference"] for c in credits)
    expected = sorted(f"case-{i:03d}:urban_dibao:{PERIOD}" for i in range(HOUSEHOLDS))
    assert references == expected
    # and payments recorded one instruction and one settlement per household
    assert await count(payments, "payments.PaymentInstructed") == HOUSEHOLDS
    assert await count(payments, "payments.PaymentSettled") == HOUSEHOLDS
    assert await count(payments, "payments.PaymentRunCompleted") == 1


async def _bank_up(bank: httpx.AsyncClient) -> bool:
    try:
        return (await bank.get("/healthz")).status_code == 200
    except httpx.TransportError:
        return False


async def _credits_at_least(bank: httpx.AsyncClient, n: int) -> bool:
    return len((await bank.get("/v1/ledger")).json()["credits"]) >= n
