"""Each service as two `python -m services serve <name>` processes sharing its database."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from services.embedded import ensure_database, free_port
from services.settings import PROJECT_ROOT, SERVICES
from services.simulators import SIMULATORS
from shared.clock import SystemClock
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from tests.e2e.services import service_env, stack_clock
from tests.support import eventually, standing_division

REPLICAS = ("a", "b")


@dataclass
class Replicas:
    """Two processes per service: their URLs, the processes and the services' databases."""

    urls: dict[tuple[str, str], str]  # (service, replica) → base URL
    processes: dict[tuple[str, str], subprocess.Popen[bytes]]
    database_urls: dict[str, str]
    signer: TokenSigner
    clock: SystemClock  # the replicas' shared clock

    def auth(self, role: str, division: str) -> dict[str, str]:
        """Authorization header for a role within a division."""
        division = standing_division(role, division)
        token = self.signer.mint(f"rel-{role}-{division}", role, division, "测试机构")
        return {"Authorization": f"Bearer {token}"}

    def kill(self, replica: str) -> None:
        """SIGKILL the given replica of every service: no goodbye to the broker or the database."""
        for (_, name), process in self.processes.items():
            if name == replica:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=10)

    async def wait_until_healthy(self, client: httpx.AsyncClient, within_s: float = 90) -> None:
        """Wait until every replica answers /healthz; fail at once if one died."""
        await eventually(lambda: self._healthy(client), timeout=within_s, message="healthz")

    async def _healthy(self, client: httpx.AsyncClient) -> bool:
        for key, process in self.processes.items():
            if process.poll() is not None:
                raise AssertionError(f"{key} exited with {process.returncode}")
        for url in self.urls.values():
            try:
                if (await client.get(f"{url}/healthz")).status_code != 200:
                    return False
            except httpx.TransportError:
                return False
        return True


@contextmanager
def running_replicas(server_url: str, bootstrap: str, data_dir: Path) -> Iterator[Replicas]:
    """Two processes per service on their own ports, and one for the simulators."""
    private_pem, _ = ensure_dev_keypair(
        data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem"
    )
    clock = stack_clock()
    ports = {name: free_port() for name in (*SERVICES, *SIMULATORS)}
    env, database_urls = service_env(
        server_url, bootstrap, data_dir, ports, f"rel_{uuid.uuid4().hex[:8]}", clock
    )
    _create_databases(server_url, database_urls.values())
    processes = {("simulators", "-"): _spawn(["simulators"], env, data_dir / "simulators.log")}
    urls = {}
    for service in SERVICES:
        for replica in REPLICAS:
            port = free_port()
            own = {**env, f"{service.upper()}_PORT": str(port)}
            log = data_dir / f"{service}-{replica}.log"
            processes[(service, replica)] = _spawn(["serve", service], own, log)
            urls[(service, replica)] = f"http://127.0.0.1:{port}"
    try:
        yield Replicas(
            urls=urls,
            processes={k: p for k, p in processes.items() if k[0] != "simulators"},
            database_urls=database_urls,
            signer=TokenSigner(private_pem, "safetynet-dev", "safetynet"),
            clock=clock,
        )
    finally:
        _stop(list(processes.values()))


def _create_databases(server_url: str, urls: Iterable[str]) -> None:
    """Create the databases before the replicas start, as a deployment does (init script, job)."""
    names = [str(make_url(url).database) for url in urls]

    async def create() -> None:
        for name in names:
            await ensure_database(server_url, name)

    with ThreadPoolExecutor(1) as pool:  # a loop of its own, whatever loop the caller runs
        pool.submit(asyncio.run, create()).result()


def _spawn(args: list[str], env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
    with log_path.open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "services", *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _stop(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
