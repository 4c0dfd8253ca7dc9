"""Settings read once from the environment; nothing else in the project reads os.environ.

Every variable is declared once, as a field of `Settings` made with `setting(...)`: its name, its
default, how it is read and validated, and a one-line meaning. `Settings.from_env` reads them all
and `markdown_table()` renders them as the README's configuration table
(`python -m services settings-table`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url

from shared.messaging.cloudevents import SCHEMA_BASE
from shared.messaging.kafka import KafkaConfig
from shared.messaging.namespace import DEFAULT_NAMESPACE, valid_namespace

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
_PSEUDONYM_KEY = "keys/pseudonym.key"
_DATA_DIR = PROJECT_ROOT / ".data"
_DERIVED = Path()  # a key path derived from the data directory
_MINIMUM_RATE = Decimal("0.30")
_KAFKA = "KAFKA_BOOTSTRAP_SERVERS"
_SECURITY_PROTOCOLS = ("PLAINTEXT", "SASL_PLAINTEXT", "SASL_SSL")
_WHOLE_PROCESS = "VERIFICATION_WHOLE_PROCESS_WORKING_DAYS"
_WHOLE_PROCESS_EXTENDED = "VERIFICATION_WHOLE_PROCESS_EXTENDED_WORKING_DAYS"
_EXTENSION_DEFAULT = 45
_SERVICE = "<SERVICE>"  # in a variable's name: one variable per service (INTAKE_, …)
_SIMULATOR = "<SIMULATOR>"  # in a variable's name: one variable per simulator (PARTNER_DATA_, …)

# How one variable is read: (environment, its name, the field's default) → the value.
Reader = Callable[[Mapping[str, str], str, Any], Any]


def _get(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _asyncpg_url(url: str) -> str:
    for scheme in _PLAIN_SCHEMES:
        if url.startswith(scheme):
            return f"{_ASYNC_DRIVER}://{url[len(scheme) :]}"
    return url


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


@dataclass(frozen=True)
class Variable:
    """One setting's variable: its name, its meaning, how it is read and how its default reads."""

    name: str
    meaning: str
    read: Reader
    shown_default: str | None = None  # the default as documented; derived from the value if None


def setting(
    default: Any,
    name: str,
    meaning: str,
    *,
    read: Reader | None = None,
    shown: str | None = None,
    repr: bool = True,
) -> Any:
    """Declare a field of `Settings` read from the variable `name` (mappings are copied)."""
    metadata = {"variable": Variable(name, meaning, read or _text, shown)}
    if isinstance(default, Mapping):
        frozen = dict(default)
        return field(default_factory=lambda: dict(frozen), repr=repr, metadata=metadata)
    return field(default=default, repr=repr, metadata=metadata)


def _text(env: Mapping[str, str], name: str, default: Any) -> Any:
    return _get(env, name) or default


def _upper(env: Mapping[str, str], name: str, default: Any) -> Any:
    return (_get(env, name) or default).upper()


def _database_url(env: Mapping[str, str], name: str, default: Any) -> Any:
    url = _get(env, name)
    return _asyncpg_url(url) if url else default


def _per_service_url(env: Mapping[str, str], name: str, default: Any) -> Any:
    urls = {s: _get(env, name.replace(_SERVICE, s.upper())) for s in SERVICES}
    return {s: _asyncpg_url(url) for s, url in urls.items() if url}


def _ports(placeholder: str) -> Reader:
    def read(env: Mapping[str, str], name: str, default: Any) -> Any:
        return {k: _port(env, name.replace(placeholder, k.upper()), p) for k, p in default.items()}

    return read


def _simulator_url(simulator: str) -> Reader:
    """The URL given, else the simulator's on this host at its port (moved with
    `<SIMULATOR>_SIMULATOR_PORT`, so a second stack on the host calls its own)."""

    def read(env: Mapping[str, str], name: str, default: Any) -> Any:
        if (url := _get(env, name)) is not None:
            return url
        variable = f"{simulator.upper()}_SIMULATOR_PORT"
        return f"http://127.0.0.1:{_port(env, variable, DEFAULT_SIMULATOR_PORTS[simulator])}"

    return read


def _when_external_kafka(read: Reader, value: Any) -> Reader:
    """`read` with `value` as the default when an external broker is configured."""

    def with_kafka(env: Mapping[str, str], name: str, default: Any) -> Any:
        return read(env, name, value if _get(env, _KAFKA) is not None else default)

    return with_kafka


def _security_protocol(env: Mapping[str, str], name: str, default: Any) -> Any:
    value = (_get(env, name) or default).upper()
    if value not in _SECURITY_PROTOCOLS:
        raise ValueError(f"{name} must be one of {', '.join(_SECURITY_PROTOCOLS)}, not {value!r}")
    return value


def _namespace(env: Mapping[str, str], name: str, default: Any) -> Any:
    return valid_namespace(_get(env, name) or default)


def _base_url(env: Mapping[str, str], name: str, default: Any) -> Any:
    value = (_get(env, name) or default).rstrip("/")
    if urlsplit(value).scheme not in ("http", "https") or not urlsplit(value).netloc:
        raise ValueError(f"{name} must be an absolute http(s) URL, not {value!r}")
    return value


def _rate(env: Mapping[str, str], name: str, default: Any) -> Any:
    raw = _get(env, name)
    if raw is None:
        return default
    try:
        rate = Decimal(raw)
    except InvalidOperation:
        raise ValueError(f"{name} must be a decimal number, not {raw!r}") from None
    if not rate.is_finite():
        raise ValueError(f"{name} must be a finite number, not {raw!r}")
    return rate


def _names(env: Mapping[str, str], name: str, default: Any) -> Any:
    raw = _get(env, name)
    if raw is None:
        return default
    return tuple(part.strip() for part in raw.split(",") if part.strip())


def _extended_working_days(env: Mapping[str, str], name: str, default: Any) -> Any:
    # never shorter than the whole process by default: a longer whole process raises it
    whole = _non_negative_int(env, _WHOLE_PROCESS, 30)
    return _non_negative_int(env, name, max(whole, default))


@dataclass(frozen=True)
class Settings:
    """Where the databases, the broker, the keys and the ports are; how patient consumers are."""

    data_dir: Path = setting(
        _DATA_DIR,
        "SAFETYNET_DATA_DIR",
        "embedded PostgreSQL data, broker log, development keys",
        read=lambda env, name, default: Path(_get(env, name) or default),
        shown="`.data`",
    )
    database_url: str | None = setting(
        None,
        "DATABASE_URL",
        "PostgreSQL *server* URL; each service uses its own database `safetynet_<service>`",
        read=_database_url,
        shown="embedded",
        repr=False,  # may carry a password
    )
    database_overrides: Mapping[str, str] = setting(
        {},
        f"{_SERVICE}_DATABASE_URL",
        "a service's own database URL, overriding the above",
        read=_per_service_url,
        shown="—",
        repr=False,
    )
    kafka_bootstrap_servers: str | None = setting(
        None, _KAFKA, "Apache Kafka bootstrap servers (distributed mode)", shown="embedded"
    )
    kafka_idempotence: bool = setting(
        False,
        "KAFKA_ENABLE_IDEMPOTENCE",
        "idempotent producer (the embedded broker refuses it)",
        read=_when_external_kafka(_bool, True),
        shown="true with external Kafka, false embedded",
    )
    kafka_topic_namespace: str = setting(
        DEFAULT_NAMESPACE,
        "KAFKA_TOPIC_NAMESPACE",
        "prefix of topics (and of consumer groups when not the default), so stacks can share a"
        " cluster (ADR 0009)",
        read=_namespace,
    )
    event_schema_base_url: str = setting(
        SCHEMA_BASE,
        "EVENT_SCHEMA_BASE_URL",
        "public base of the events' `ce_dataschema` URIs: where a gateway exposes each service's"
        " `/schemas/<type>/v<N>.json` (ADR 0039)",
        read=_base_url,
    )
    kafka_replication_factor: int = setting(
        1,
        "KAFKA_REPLICATION_FACTOR",
        "replication factor of the topics the services create",
        read=_when_external_kafka(_positive_int, 3),
        shown="3 with external Kafka, 1 embedded",
    )
    kafka_topic_partitions: int = setting(
        6,
        "KAFKA_TOPIC_PARTITIONS",
        "partitions of the topics the services create",
        read=_positive_int,
    )
    kafka_session_timeout_ms: int = setting(
        10_000,
        "KAFKA_SESSION_TIMEOUT_MS",
        "how long a consumer may go silent before its group rebalances; the embedded broker (tansu)"
        " also answers a group join only after half of it, so it bounds how soon consumers start",
        read=_positive_int,
    )
    kafka_security_protocol: str = setting(
        "PLAINTEXT",
        "KAFKA_SECURITY_PROTOCOL",
        "how the services reach the broker: PLAINTEXT, SASL_PLAINTEXT or SASL_SSL (with SASL each"
        " service is its own principal, held to the ACLs of deploy/kafka/acls.sh, ADR 0033)",
        read=_security_protocol,
    )
    kafka_sasl_mechanism: str | None = setting(
        None, "KAFKA_SASL_MECHANISM", "SASL mechanism, e.g. SCRAM-SHA-512", shown="unset"
    )
    kafka_sasl_username: str | None = setting(
        None,
        "KAFKA_SASL_USERNAME",
        "the service's principal on the broker (`safetynet-<service>`)",
        shown="unset",
    )
    kafka_sasl_password_file: Path | None = setting(
        None,
        "KAFKA_SASL_PASSWORD_FILE",
        "file holding the principal's password (a mounted secret)",
        read=lambda env, name, default: Path(raw) if (raw := _get(env, name)) else None,
        shown="unset",
    )
    embedded_postgres_port: int = setting(
        54329,
        "EMBEDDED_POSTGRES_PORT",
        "port of the embedded PostgreSQL server",
        read=_port,
    )
    embedded_kafka_port: int = setting(
        19092,
        "EMBEDDED_KAFKA_PORT",
        "port of the embedded broker",
        read=_port,
    )
    service_ports: Mapping[str, int] = setting(
        DEFAULT_PORTS,
        f"{_SERVICE}_PORT",
        "HTTP port of each service (`INTAKE_PORT` … `SUPERVISION_PORT`)",
        read=_ports(_SERVICE),
        shown="8001–8004",
    )
    host: str = setting("127.0.0.1", "SAFETYNET_HOST", "address the HTTP servers listen on")
    jwt_issuer: str = setting("safetynet-dev", "JWT_ISSUER", "expected `iss` claim of tokens")
    jwt_audience: str = setting("safetynet", "JWT_AUDIENCE", "expected `aud` claim of tokens")
    jwt_private_key_path: Path = setting(
        _DERIVED,
        "JWT_PRIVATE_KEY_FILE",
        "PEM private key that signs development tokens (`python -m services token`)",
        read=lambda env, name, default: _path(env, name),
        shown=f"`.data/{_PRIVATE_KEY}`",
    )
    jwt_public_key_path: Path = setting(
        _DERIVED,
        "JWT_PUBLIC_KEY_FILE",
        "PEM public key that verifies tokens",
        read=lambda env, name, default: _path(env, name),
        shown=f"`.data/{_PUBLIC_KEY}`",
    )
    jwks_url: str | None = setting(
        None, "JWT_JWKS_URL", "JWKS endpoint whose keys also verify tokens", shown="unset"
    )
    pseudonym_key_path: Path = setting(
        _DERIVED,
        "PSEUDONYM_KEY_FILE",
        "secret key (the same for every service) of the resident-ID pseudonyms on the public"
        " topics (ADR 0020); made with mode 600 when missing",
        read=lambda env, name, default: _path(env, name),
        shown=f"`.data/{_PSEUDONYM_KEY}`",
    )
    log_level: str = setting(
        "INFO", "LOG_LEVEL", "JSON logs on stderr, personal data masked", read=_upper
    )
    relay_poll_interval_s: float = setting(
        0.2,
        "RELAY_POLL_INTERVAL_S",
        "seconds between the outbox relay's polls when nothing is waiting",
        read=_positive_float,
    )
    relay_republish_everything: bool = setting(
        False,
        "RELAY_REPUBLISH_EVERYTHING",
        "after a broker loses its log, republish the whole store, not only what some consumer"
        " group had not consumed (ADR 0044): for readers outside the platform",
        read=_bool,
    )
    consumer_max_attempts: int = setting(
        5,
        "CONSUMER_MAX_ATTEMPTS",
        "attempts of a failing event before it goes to the dead-letter topic",
        read=_positive_int,
    )
    consumer_backoff_base_s: float = setting(
        0.2,
        "CONSUMER_BACKOFF_BASE_S",
        "first retry delay of a failing event, doubled per attempt",
        read=_positive_float,
    )
    partner_data_url: str = setting(
        "http://127.0.0.1:8011",
        "PARTNER_DATA_URL",
        "partner data sources (verification, VER-1)",
        read=_simulator_url("partner_data"),
        shown="the simulator on :8011 (its port: `PARTNER_DATA_SIMULATOR_PORT`)",
    )
    bank_url: str = setting(
        "http://127.0.0.1:8012",
        "BANK_API_URL",
        "bank API (payments, PAY-3)",
        read=_simulator_url("bank"),
        shown="the simulator on :8012 (its port: `BANK_SIMULATOR_PORT`)",
    )
    simulator_ports: Mapping[str, int] = setting(
        DEFAULT_SIMULATOR_PORTS,
        f"{_SIMULATOR}_SIMULATOR_PORT",
        "HTTP port of each partner simulator (`PARTNER_DATA_SIMULATOR_PORT`,"
        " `BANK_SIMULATOR_PORT`)",
        read=_ports(_SIMULATOR),
        shown="8011 / 8012",
    )
    otel_endpoint: str | None = setting(
        None,
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTLP/HTTP collector base URL (spans go to `<url>/v1/traces`)",
        shown="unset (no export)",
    )
    otel_service_prefix: str = setting(
        "safetynet",
        "OTEL_SERVICE_NAME",
        "prefix of the traced `service.name` (`<prefix>-<service>`)",
    )
    db_pool_size: int = setting(
        20,
        "DB_POOL_SIZE",
        "database connections each service process keeps open (as many again may overflow);"
        " keep it above the requests in flight, or connections are opened and closed per use."
        " PostgreSQL's `max_connections` must cover services × replicas × 2 × this",
        read=_positive_int,
    )
    payment_run_partitions: int = setting(
        1,
        "PAYMENT_RUN_PARTITIONS",
        "payments: the disjoint parts (by case) a monthly run is executed in; replicas of the"
        " payments service each execute one part at a time, so set it to the number of replicas"
        " (ADR 0013). Fixed per run by the first replica to reach it",
        read=_positive_int,
    )
    gc_gen0_threshold: int = setting(
        50_000,
        "GC_GEN0_THRESHOLD",
        "net allocations between young garbage collections in a service process, which also"
        " freezes what start-up built (ADR 0014); `0` keeps CPython's defaults",
        read=_non_negative_int,
    )
    clock_offset_s: float = setting(
        0.0,
        "SAFETYNET_CLOCK_OFFSET_S",
        "seconds added to the machine's clock by every service: rehearsals and e2e stacks only",
        read=_float,
    )
    verification_notice_period_days: int = setting(
        7,
        "VERIFICATION_NOTICE_PERIOD_DAYS",
        "verification: VER-6 pre-approval notice period, calendar days",
        read=_non_negative_int,
    )
    verification_notice_fields: tuple[str, ...] = setting(
        (),
        "VERIFICATION_NOTICE_FIELDS",
        "verification: VER-6 fields the notice shows, comma-separated, of `name`,"
        " `household_size`, `members`, `income`, `amount`",
        read=_names,
        shown="all five",
    )
    verification_spot_check_rate: Decimal = setting(
        _MINIMUM_RATE,
        "VERIFICATION_SPOT_CHECK_RATE",
        "verification: VER-5 county spot-check rate, never below 0.30",
        read=_rate,
    )
    verification_investigation_start_working_days: int = setting(
        3,
        "VERIFICATION_INVESTIGATION_START_WORKING_DAYS",
        "verification: VER-9 the investigation starts within this of acceptance",
        read=_non_negative_int,
    )
    verification_county_decision_working_days: int = setting(
        10,
        "VERIFICATION_COUNTY_DECISION_WORKING_DAYS",
        "verification: VER-9 the county decides within this of the proposal",
        read=_non_negative_int,
    )
    verification_whole_process_working_days: int = setting(
        30,
        _WHOLE_PROCESS,
        "verification: VER-9 the whole process",
        read=_non_negative_int,
    )
    verification_whole_process_extended_working_days: int = setting(
        _EXTENSION_DEFAULT,
        _WHOLE_PROCESS_EXTENDED,
        "verification: VER-9 the whole process once extended with a reason; never shorter than"
        " the whole process",
        read=_extended_working_days,
        shown="45 (at least the whole process)",
    )
    verification_partner_timeout_s: float = setting(
        1.0,
        "VERIFICATION_PARTNER_TIMEOUT_S",
        "verification: VER-1 timeout of one partner-source request, seconds",
        read=_positive_float,
    )
    verification_watcher_interval_s: float = setting(
        30.0,
        "VERIFICATION_WATCHER_INTERVAL_S",
        "verification: how often the service loop checks deadlines, retries unanswered sources"
        " and opens due periodic re-reviews, seconds",
        read=_positive_float,
    )
    supervision_digest_interval_s: float = setting(
        3600.0,
        "SUPERVISION_DIGEST_INTERVAL_S",
        "supervision: seconds between sealed audit-trail digests (SUP-1)",
        read=_positive_float,
    )
    supervision_deadline_interval_s: float = setting(
        300.0,
        "SUPERVISION_DEADLINE_INTERVAL_S",
        "supervision: seconds between checks for overdue complaints",
        read=_positive_float,
    )
    store_digest_interval_s: float = setting(
        3600.0,
        "DIGEST_INTERVAL_S",
        "every service: seconds between the chained digests it seals over its own event store"
        " (GEN-5, ADR 0022)",
        read=_positive_float,
    )
    supervision_store_check_interval_s: float = setting(
        3600.0,
        "SUPERVISION_STORE_CHECK_INTERVAL_S",
        "supervision: seconds between re-verifications of every service's sealed digests against"
        " its copy, the service's own database and its own trail digests (GEN-5, ADR 0022)",
        read=_positive_float,
    )
    supervision_webhook_backoff_base_s: float = setting(
        5.0,
        "SUPERVISION_WEBHOOK_BACKOFF_BASE_S",
        "supervision: a failed webhook delivery waits a random time up to this, doubled per"
        " failure (exponential back-off with full jitter, ADR 0036)",
        read=_positive_float,
    )
    supervision_webhook_backoff_cap_s: float = setting(
        900.0,
        "SUPERVISION_WEBHOOK_BACKOFF_CAP_S",
        "supervision: the longest wait between two attempts of a webhook delivery, seconds",
        read=_positive_float,
    )
    supervision_webhook_give_up_after_s: float = setting(
        86_400.0,
        "SUPERVISION_WEBHOOK_GIVE_UP_AFTER_S",
        "supervision: a webhook delivery not accepted within this many seconds of being queued"
        " is dead (later events of its case then go on)",
        read=_positive_float,
    )
    supervision_webhook_secret_grace_s: float = setting(
        86_400.0,
        "SUPERVISION_WEBHOOK_SECRET_GRACE_S",
        "supervision: seconds a rotated-out webhook secret keeps signing beside the new one",
        read=_positive_float,
    )
    supervision_webhook_plain_http_hosts: tuple[str, ...] = setting(
        (),
        "SUPERVISION_WEBHOOK_PLAIN_HTTP_HOSTS",
        "supervision: comma-separated hosts a webhook callback may reach over plain http and"
        " at a non-public address (development and tests: `localhost,127.0.0.1`); every other"
        " callback must be https to a public address",
        read=_names,
        shown="none",
    )
    supervision_webhook_timeout_s: float = setting(
        5.0,
        "SUPERVISION_WEBHOOK_TIMEOUT_S",
        "supervision: timeout of one webhook POST, seconds",
        read=_positive_float,
    )
    supervision_webhook_concurrency: int = setting(
        8,
        "SUPERVISION_WEBHOOK_CONCURRENCY",
        "supervision: webhook POSTs in flight at once per replica",
        read=_positive_int,
    )
    supervision_webhook_dispatch_interval_s: float = setting(
        1.0,
        "SUPERVISION_WEBHOOK_DISPATCH_INTERVAL_S",
        "supervision: seconds between looks for due webhook deliveries",
        read=_positive_float,
    )

    def __post_init__(self) -> None:
        """Derive the key paths from the data directory; refuse an extension shorter than due."""
        if self.jwt_private_key_path == _DERIVED:
            object.__setattr__(self, "jwt_private_key_path", self.data_dir / _PRIVATE_KEY)
        if self.jwt_public_key_path == _DERIVED:
            object.__setattr__(self, "jwt_public_key_path", self.data_dir / _PUBLIC_KEY)
        if self.pseudonym_key_path == _DERIVED:
            object.__setattr__(self, "pseudonym_key_path", self.data_dir / _PSEUDONYM_KEY)
        extended = self.verification_whole_process_extended_working_days
        if extended < self.verification_whole_process_working_days:
            raise ValueError(f"{_WHOLE_PROCESS_EXTENDED} must not be shorter than {_WHOLE_PROCESS}")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> Settings:
        """Read and validate the settings; a bad value raises ValueError naming its variable."""
        values: dict[str, Any] = {}
        for each in dataclasses.fields(cls):
            variable: Variable = each.metadata["variable"]
            values[each.name] = variable.read(env, variable.name, _default(each))
        return cls(**values)

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

    @property
    def makes_its_own_pseudonym_key(self) -> bool:
        """True for the development key under the data directory; a key named by
        PSEUDONYM_KEY_FILE is the operator's, one for every replica, never made here."""
        return self.pseudonym_key_path == self.data_dir / _PSEUDONYM_KEY

    def kafka_config(self, client_id: str) -> KafkaConfig:
        """How a client reaches the broker: its address, topic shape and identity (ADR 0033)."""
        if self.kafka_bootstrap_servers is None:
            raise RuntimeError("no Kafka bootstrap servers: start the embedded broker or set one")
        password = self.kafka_sasl_password_file
        return KafkaConfig(
            bootstrap_servers=self.kafka_bootstrap_servers,
            enable_idempotence=self.kafka_idempotence,
            client_id=client_id,
            topic_partitions=self.kafka_topic_partitions,
            replication_factor=self.kafka_replication_factor,
            session_timeout_ms=self.kafka_session_timeout_ms,
            security_protocol=self.kafka_security_protocol,
            sasl_mechanism=self.kafka_sasl_mechanism,
            sasl_username=self.kafka_sasl_username,
            sasl_password=password.read_text().strip() if password else None,
        )

    def with_embedded(self, pg_url: str, kafka: str) -> Settings:
        """A copy that uses the embedded PostgreSQL server and broker."""
        return dataclasses.replace(
            self, database_url=_asyncpg_url(pg_url), kafka_bootstrap_servers=kafka
        )


def variables() -> list[Variable]:
    """Every declared variable, in the order of the settings."""
    return [each.metadata["variable"] for each in dataclasses.fields(Settings)]


def markdown_table() -> str:
    """The README's configuration table: one row per setting."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    defaults = {each.name: _default(each) for each in dataclasses.fields(Settings)}
    for each in dataclasses.fields(Settings):
        variable: Variable = each.metadata["variable"]
        shown = variable.shown_default or _shown(defaults[each.name])
        rows.append(f"| `{variable.name}` | {shown} | {variable.meaning} |")
    return "\n".join(rows) + "\n"


def _default(each: dataclasses.Field[Any]) -> Any:
    if each.default_factory is not dataclasses.MISSING:
        return each.default_factory()
    return each.default


def _shown(value: Any) -> str:
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"
