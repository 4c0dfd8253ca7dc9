"""Helper processes of a bench (servers, extra workers): spawned, waited for, stopped."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from services.settings import PROJECT_ROOT

START_TIMEOUT_S = 60.0


@dataclass(frozen=True)
class Server:
    """A server process, its base URL and its log file."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    log: Path


def spawn(log: Path, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`python <args>` in the project, its output to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, *args],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after 15 s."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def tail(log: Path, chars: int = 3000) -> str:
    """The end of a process's log."""
    return log.read_text(errors="replace")[-chars:] if log.exists() else ""


async def wait_healthy(server: Server, timeout_s: float = START_TIMEOUT_S) -> None:
    """Until `GET /healthz` answers 200; an error with the log if the process exits first."""
    deadline = time.monotonic() + timeout_s
    async with httpx.AsyncClient() as client:
        while True:
            if server.process.poll() is not None:
                raise RuntimeError(f"{server.name} exited at start:\n{tail(server.log)}")
            try:
                if (await client.get(f"{server.url}/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{server.name} not healthy within {timeout_s}s")
            await asyncio.sleep(0.1)
