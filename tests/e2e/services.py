"""Starts the four services and the partner simulators as real processes for end-to-end tests."""

from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator, Mapping
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from services.embedded import free_port
from services.settings import PROJECT_ROOT, SERVICES
from services.simulators import SIMULATORS
from shared.clock import CHINA, SystemClock, offset_to, today
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from tests.support import eventually, standing_division


@dataclass
class RunningServices:
    """Base URLs of the running services and simulators, and a signer for accepted tokens."""

    urls: dict[str, str]  # services and simulators by name
    signer: TokenSigner
    processes: dict[str, subprocess.Popen[bytes]]
    database_urls: dict[str, str]
    env: dict[str, str]  # the processes' environment, to start one again as the stack did
    clock: SystemClock  # the stack's clock: every date and period a test sends derives from it

    def token(self, role: str, division: str, org: str = "测试机构") -> str:
        """A bearer token for a role within a division."""
        division = standing_division(role, division)
        return self.signer.mint(f"e2e-{role}-{division}", role, division, org)

    def day(self, offset_days: int = 0) -> str:
        """An ISO civil date this many days from the stack's today (negative: in the past)."""
        return (today(self.clock) + timedelta(days=offset_days)).isoformat()

    def period(self, months_ahead: int = 0) -> str:
        """The payment period (YYYY-MM) this many months after the stack's current one."""
        current = today(self.clock)
        months = current.year * 12 + current.month - 1 + months_ahead
        return f"{months // 12:04d}-{months % 12 + 1:02d}"

    def auth(self, role: str, division: str) -> dict[str, str]:
        """Authorization header for a role within a division."""
        return {"Authorization": f"Bearer {self.token(role, division)}"}

    def restart(self, service: str, later_by: timedelta = timedelta()) -> None:
        """Stop one service and start it again on its port and database, its clock moved on by
        `later_by` (a month passing for its scheduled checks); the others keep the stack's."""
        stopped = self.processes[service]
        stopped.send_signal(signal.SIGTERM)
        stopped.wait(timeout=15)
        offset = float(self.env["SAFETYNET_CLOCK_OFFSET_S"]) + later_by.total_seconds()
        env = {**self.env, "SAFETYNET_CLOCK_OFFSET_S": str(offset)}
        log = Path(self.env["SAFETYNET_DATA_DIR"]) / f"{service}-{stopped.pid}-restarted.log"
        self.processes[service] = _spawn(["serve", service], env, log)

    async def wait_until_healthy(self, client: httpx.AsyncClient, within_s: float = 60) -> None:
        """Wait until every service answers its documented liveness check (`check_liveness`
        through its generated client: an answer its document does not list fails the wait);
        fail at once if a process died. (`client` is no longer used; the callers still pass it.)"""
        async with AsyncExitStack() as opened:
            probes = {
                name: await opened.enter_async_context(_generated_client(name, self.urls[name]))
                for name in SERVICES
            }
            await eventually(lambda: self._all_healthy(probes), timeout=within_s, message="healthz")

    async def _all_healthy(self, probes: Mapping[str, Any]) -> bool:
        for name, process in self.processes.items():
            if process.poll() is not None:
                raise AssertionError(f"{name} exited with {process.returncode}")
        for name, probe in probes.items():
            liveness = importlib.import_module(f"clients.{name}.api.operations.check_liveness")
            try:
                if (await liveness.asyncio_detailed(client=probe)).status_code != HTTPStatus.OK:
                    return False
            except httpx.TransportError:
                return False
        return True


def _generated_client(service: str, base_url: str) -> Any:
    """The service's generated client without a token (the liveness check is public), failing on
    any status its document does not list."""
    package = importlib.import_module(f"clients.{service}.client")
    return package.Client(
        base_url=base_url, raise_on_unexpected_status=True, timeout=httpx.Timeout(10.0)
    )


# The instant every end-to-end stack starts at, whatever the machine's date: a Wednesday morning
# in the middle of an ordinary month, so that no run straddles a month, a year or a holiday by
# accident. Tests that are about those edges move the stack's clock there themselves.
STACK_INSTANT = datetime(2027, 3, 10, 9, 30, tzinfo=CHINA)


def stack_day(offset_days: int = 0) -> str:
    """An ISO date this many days from the day every stack starts on (bodies built before one)."""
    return (STACK_INSTANT.date() + timedelta(days=offset_days)).isoformat()


def _ports() -> dict[str, int]:
    return {name: free_port() for name in (*SERVICES, *SIMULATORS)}


def service_env(
    server_url: str,
    bootstrap: str,
    data_dir: Path,
    ports: dict[str, int],
    prefix: str,
    clock: SystemClock,
    settings: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of the processes: their own databases, the session broker, simulators,
    and the settings this stack runs with (e.g. a zero-day notice period)."""
    database_urls = {
        s: make_url(server_url).set(database=f"{prefix}_{s}").render_as_string(False)
        for s in SERVICES
    }
    env = {
        **os.environ,
        "DATABASE_URL": server_url,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "KAFKA_ENABLE_IDEMPOTENCE": "false",
        "KAFKA_TOPIC_NAMESPACE": prefix.replace("_", "-"),  # stacks share the session broker
        "SAFETYNET_DATA_DIR": str(data_dir),
        "LOG_LEVEL": "WARNING",
        # the consumers of a new stack join their groups in 1.5 s, not 5 (tansu answers a join
        # after half the session timeout); 3 s is still ten heartbeats of a loaded machine
        "KAFKA_SESSION_TIMEOUT_MS": "3000",
        "SAFETYNET_CLOCK_OFFSET_S": str(clock.offset.total_seconds()),
        "PARTNER_DATA_URL": f"http://127.0.0.1:{ports['partner_data']}",
        "BANK_API_URL": f"http://127.0.0.1:{ports['bank']}",
        **{f"{s.upper()}_PORT": str(ports[s]) for s in SERVICES},
        **{f"{n.upper()}_SIMULATOR_PORT": str(ports[n]) for n in SIMULATORS},
        **{f"{s.upper()}_DATABASE_URL": u for s, u in database_urls.items()},
        **(settings or {}),
    }
    return env, database_urls


def stack_clock(at: datetime = STACK_INSTANT) -> SystemClock:
    """A clock that reads `at` now and runs on: every process of a stack shares its offset."""
    return SystemClock(offset_to(at))


@contextmanager
def running_services(
    server_url: str,
    bootstrap: str,
    data_dir: Path,
    clock: SystemClock | None = None,
    settings: Mapping[str, str] | None = None,
) -> Iterator[RunningServices]:
    """Four `python -m services serve <name>` processes and one for the simulators."""
    clock = clock or stack_clock()
    private_pem, _ = ensure_dev_keypair(
        data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem"
    )
    ports = _ports()
    prefix = f"e2e_{uuid.uuid4().hex[:8]}"
    env, database_urls = service_env(
        server_url, bootstrap, data_dir, ports, prefix, clock, settings
    )
    processes = {s: _spawn(["serve", s], env, data_dir / f"{s}.log") for s in SERVICES}
    processes["simulators"] = _spawn(["simulators"], env, data_dir / "simulators.log")
    try:
        yield RunningServices(
            urls={name: f"http://127.0.0.1:{port}" for name, port in ports.items()},
            signer=TokenSigner(private_pem, "safetynet-dev", "safetynet"),
            processes=processes,
            database_urls=database_urls,
            env=env,
            clock=clock,
        )
    finally:
        _stop(processes)


def _stop(processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for process in processes.values():
        process.send_signal(signal.SIGTERM)
    for process in processes.values():
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _spawn(args: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "services", *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
