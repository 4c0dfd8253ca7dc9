"""Settings read once from the environment; nothing else in the project reads os.environ."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import make_url

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SERVICES: tuple[str, ...] = ("intake", "verification", "payments", "supervision")
DEFAULT_PORTS: Mapping[str, int] = {
    "intake": 8001,
    "verification": 8002,
    "payments": 8003,
    "supervision": 8004,
}
# Simulators of partner systems that do not exist here (started by `make run` and the tests).
DEFAULT_SIMULATOR_PORTS: Mapping[str, int] = {"partner_data": 8011, "bank": 8012}
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})
_ASYNC_DRIVER = "postgresql+asyncpg"
_PLAIN_SCHEMES = ("postgresql://", "postgres://")
_PRIVATE_KEY = "keys/jwt-private.pem"
_PUBLIC_KEY = "keys/jwt-public.pem"


@dataclass(frozen=True)
class Settings:
    """Where the databases, the broker, the keys and the ports are; how patient consumers are."""

    data_dir: Path
    database_url: str | None = field(default=None, repr=False)  # may carry a password
    database_overrides: Mapping[str, str] = field(default_factory=dict, repr=False)
    kafka_bootstrap_servers: str | None = None
    kafka_idempotence: bool = False
    embedded_postgres_port: int = 54329
    embedded_kafka_port: int = 19092
    service_ports: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    host: str = "127.0.0.1"
    jwt_issuer: str = "safetynet-dev"
    jwt_audience: str = "safetynet"
    jwt_private_key_path: Path = Path()
    jwt_public_key_path: Path = Path()
    jwks_url: str | None = None
    log_level: str = "INFO"
    relay_poll_interval_s: float = 0.2
    consumer_max_attempts: int = 5
    consumer_backoff_base_s: float = 0.2
    kafka_replication_factor: int = 1
    kafka_topic_partitions: int = 6
    partner_data_url: str = "http://127.0.0.1:8011"
    bank_url: str = "http://127.0.0.1:8012"
    simulator_ports: Mapping[str, int] = field(
        default_factory=lambda: dict(DEFAULT_SIMULATOR_PORTS)
    )
    otel_endpoint: str | None = None  # traces are exported only when this is set
    otel_service_prefix: str = "safetynet"
    db_pool_size: int = 20  # kept-open connections per service process (as many again overflow)
    payment_run_partitions: int = 1  # a run is shared out in this many parts (ADR 0013)
    gc_gen0_threshold: int = 50_000  # young collections' step; 0 keeps CPython's (ADR 0014)
    clock_offset_s: float = 0.0  # added to the machine's clock: rehearsals and e2e stacks only

    def __post_init__(self) -> None:
        """Derive the key paths from the data directory when they were not given."""
        if self.jwt_private_key_path == Path():
            object.__setattr__(self, "jwt_private_key_path", self.data_dir / _PRIVATE_KEY)
        if self.jwt_public_key_path == Path():
            object.__setattr__(self, "jwt_public_key_path", self.data_dir / _PUBLIC_KEY)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """Read and validate the settings; a bad value raises ValueError naming its variable."""
        data_dir = Path(_get(env, "SAFETYNET_DATA_DIR") or PROJECT_ROOT / ".data")
        kafka = _get(env, "KAFKA_BOOTSTRAP_SERVERS")
        database_url = _get(env, "DATABASE_URL")
        return cls(
            data_dir=data_dir,
            database_url=_asyncpg_url(database_url) if database_url else None,
            database_overrides=_database_overrides(env),
            kafka_bootstrap_servers=kafka,
            kafka_idempotence=_bool(env, "KAFKA_ENABLE_IDEMPOTENCE", default=kafka is not None),
            embedded_postgres_port=_port(env, "EMBEDDED_POSTGRES_PORT", 54329),
            embedded_kafka_port=_port(env, "EMBEDDED_KAFKA_PORT", 19092),
            service_ports={s: _port(env, f"{s.upper()}_PORT", p) for s, p in DEFAULT_PORTS.items()},
            host=_get(env, "SAFETYNET_HOST") or "127.0.0.1",
            jwt_issuer=_get(env, "JWT_ISSUER") or "safetynet-dev",
            jwt_audience=_get(env, "JWT_AUDIENCE") or "safetynet",
            jwt_private_key_path=_path(env, "JWT_PRIVATE_KEY_FILE"),
            jwt_public_key_path=_path(env, "JWT_PUBLIC_KEY_FILE"),
            jwks_url=_get(env, "JWT_JWKS_URL"),
            log_level=(_get(env, "LOG_LEVEL") or "INFO").upper(),
            relay_poll_interval_s=_positive_float(env, "RELAY_POLL_INTERVAL_S", 0.2),
            consumer_max_attempts=_positive_int(env, "CONSUMER_MAX_ATTEMPTS", 5),
            consumer_backoff_base_s=_positive_float(env, "CONSUMER_BACKOFF_BASE_S", 0.2),
            kafka_replication_factor=_positive_int(
                env, "KAFKA_REPLICATION_FACTOR", 3 if kafka is not None else 1
            ),
            kafka_topic_partitions=_positive_int(env, "KAFKA_TOPIC_PARTITIONS", 6),
            partner_data_url=_get(env, "PARTNER_DATA_URL") or "http://127.0.0.1:8011",
            bank_url=_get(env, "BANK_API_URL") or "http://127.0.0.1:8012",
            simulator_ports={
                name: _port(env, f"{name.upper()}_SIMULATOR_PORT", port)
                for name, port in DEFAULT_SIMULATOR_PORTS.items()
            },
            otel_endpoint=_get(env, "OTEL_EXPORTER_OTLP_ENDPOINT"),
            otel_service_prefix=_get(env, "OTEL_SERVICE_NAME") or "safetynet",
            db_pool_size=_positive_int(env, "DB_POOL_SIZE", 20),
            payment_run_partitions=_positive_int(env, "PAYMENT_RUN_PARTITIONS", 1),
            gc_gen0_threshold=_non_negative_int(env, "GC_GEN0_THRESHOLD", 50_000),
            clock_offset_s=_float(env, "SAFETYNET_CLOCK_OFFSET_S", 0.0),
        )

    @property
    def embedded(self) -> bool:
        """True when the database or the broker still has to come from the embedded runtime."""
        return self.database_url is None or self.kafka_bootstrap_servers is None

    def database_url_for(self, service: str) -> str:
        """The asyncpg URL of a service's own database (`safetynet_<service>` on the server)."""
        override = self.database_overrides.get(service)
        if override:
            return override
        if self.database_url is None:
            raise ValueError(f"no database for {service}: set DATABASE_URL or use the embedded one")
        url = make_url(self.database_url).set(database=f"safetynet_{service}")
        return url.render_as_string(hide_password=False)

    def with_embedded(self, pg_url: str, kafka: str) -> Settings:
        """A copy that uses the embedded PostgreSQL server and broker."""
        return dataclasses.replace(
            self, database_url=_asyncpg_url(pg_url), kafka_bootstrap_servers=kafka
        )


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _asyncpg_url(url: str) -> str:
    for scheme in _PLAIN_SCHEMES:
        if url.startswith(scheme):
            return f"{_ASYNC_DRIVER}://{url[len(scheme) :]}"
    return url


def _database_overrides(env: Mapping[str, str]) -> dict[str, str]:
    overrides = {s: _get(env, f"{s.upper()}_DATABASE_URL") for s in SERVICES}
    return {s: _asyncpg_url(url) for s, url in overrides.items() if url}


def _bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = _get(env, name)
    if raw is None:
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ValueError(f"{name} must be true or false, not {raw!r}")


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    value = _int(env, name, default)
    if not 1 <= value <= 65535:
        raise ValueError(f"{name} must be a TCP port (1-65535), not {value}")
    return value


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, not {raw!r}") from None


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = _int(env, name, default)
    if value < 1:
        raise ValueError(f"{name} must be at least 1, not {value}")
    return value


def _non_negative_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = _int(env, name, default)
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, not {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {raw!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a finite number, not {raw!r}")
    return value


def _positive_float(env: Mapping[str, str], name: str, default: float) -> float:
    value = _float(env, name, default)
    raw = _get(env, name)
    if not value > 0:
        raise ValueError(f"{name} must be positive, not {raw!r}")
    return value


def _path(env: Mapping[str, str], name: str) -> Path:
    raw = _get(env, name)
    return Path(raw) if raw else Path()
