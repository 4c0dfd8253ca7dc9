"""Starts the four services as real processes against the session's PostgreSQL and broker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from services.embedded import free_port
from services.settings import PROJECT_ROOT, SERVICES
from shared.http.tokens import TokenSigner, ensure_dev_keypair


@dataclass
class RunningServices:
    """Base URLs of the running services and a signer for tokens they accept."""

    urls: dict[str, str]
    signer: TokenSigner
    processes: dict[str, subprocess.Popen[bytes]]
    database_urls: dict[str, str]

    def token(self, role: str, division: str, org: str = "测试机构") -> str:
        """A bearer token for a role within a division."""
        return self.signer.mint(f"e2e-{role}-{division}", role, division, org)


def service_env(
    server_url: str, bootstrap: str, data_dir: Path, ports: dict[str, int], prefix: str
) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of the service processes: their own databases, the session broker."""
    database_urls = {
        s: make_url(server_url).set(database=f"{prefix}_{s}").render_as_string(False)
        for s in SERVICES
    }
    env = {
        **os.environ,
        "DATABASE_URL": server_url,
        "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
        "KAFKA_ENABLE_IDEMPOTENCE": "false",
        "SAFETYNET_DATA_DIR": str(data_dir),
        "LOG_LEVEL": "WARNING",
        **{f"{s.upper()}_PORT": str(p) for s, p in ports.items()},
        **{f"{s.upper()}_DATABASE_URL": u for s, u in database_urls.items()},
    }
    return env, database_urls


@contextmanager
def running_services(server_url: str, bootstrap: str, data_dir: Path) -> Iterator[RunningServices]:
    """Four `python -m services serve <name>` processes; stopped with SIGTERM afterwards."""
    private_pem, _ = ensure_dev_keypair(
        data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem"
    )
    ports = {s: free_port() for s in SERVICES}
    env, database_urls = service_env(
        server_url, bootstrap, data_dir, ports, f"e2e_{uuid.uuid4().hex[:8]}"
    )
    processes = {s: _spawn(s, env, data_dir) for s in SERVICES}
    try:
        yield RunningServices(
            urls={s: f"http://127.0.0.1:{p}" for s, p in ports.items()},
            signer=TokenSigner(private_pem, "safetynet-dev", "safetynet"),
            processes=processes,
            database_urls=database_urls,
        )
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def _spawn(service: str, env: dict[str, str], data_dir: Path) -> subprocess.Popen[bytes]:
    log = (data_dir / f"{service}.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "services", "serve", service],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
