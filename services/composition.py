"""The composition root: settings → each service's config → its wired runtime."""

from __future__ import annotations

import importlib
import os
import secrets
import tempfile
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path
from typing import Protocol

from services.settings import SERVICES, Settings
from shared.clock import SystemClock
from shared.domain.errors import DomainError
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.cloudevents import use_schema_base
from shared.messaging.kafka import KafkaConfig
from shared.messaging.namespace import use_namespace
from shared.messaging.readers import Reader
from shared.messaging.subscriptions import Subscription
from shared.runtime import ServiceConfig, ServiceRuntime
from supervision.application.webhooks import WebhookSettings
from verification.application.service import NOTICE_FIELDS_ALLOWED, Policy
from verification.domain.batch import parse_rate
from verification.domain.policy import Deadlines


class Bootstrap(Protocol):
    """A service package's `bootstrap.build`."""

    def __call__(self, config: ServiceConfig) -> ServiceRuntime: ...


def configure_process(settings: Settings) -> None:
    """What is fixed for a whole process, set once at start-up: the topic namespace and the
    public base of the events' schema URIs."""
    use_namespace(settings.kafka_topic_namespace)
    use_schema_base(settings.event_schema_base_url)


def verification_policy(settings: Settings) -> Policy:
    """Verification's policy defaults (VER-5, VER-6, VER-9); a bad one names its variable."""
    try:
        rate = parse_rate(str(settings.verification_spot_check_rate))
    except DomainError as refused:
        raise ValueError(f"VERIFICATION_SPOT_CHECK_RATE: {refused.detail_en}") from None
    unknown = set(settings.verification_notice_fields) - NOTICE_FIELDS_ALLOWED
    if unknown:
        raise ValueError(f"VERIFICATION_NOTICE_FIELDS: unknown notice fields {sorted(unknown)}")
    fields = settings.verification_notice_fields
    return Policy(
        notice_period_days=settings.verification_notice_period_days,
        spot_check_rate=rate,
        notice_fields=fields or Policy().notice_fields,
        deadlines=Deadlines(
            investigation_start=settings.verification_investigation_start_working_days,
            county_decision=settings.verification_county_decision_working_days,
            whole_process=settings.verification_whole_process_working_days,
            whole_process_extended=settings.verification_whole_process_extended_working_days,
        ),
    )


def service_config(settings: Settings, service: str) -> ServiceConfig:
    """Resolve one service's configuration from the settings."""
    return ServiceConfig(
        service=service,
        database_url=settings.database_url_for(service),
        kafka=settings.kafka_config(f"safetynet-{service}"),
        token_public_key_pem=settings.jwt_public_key_path.read_bytes(),
        jwt_issuer=settings.jwt_issuer,
        jwt_audience=settings.jwt_audience,
        jwks_url=settings.jwks_url,
        relay_poll_interval_s=settings.relay_poll_interval_s,
        consumer_max_attempts=settings.consumer_max_attempts,
        consumer_backoff_base_s=settings.consumer_backoff_base_s,
        partner_data_url=settings.partner_data_url,
        bank_url=settings.bank_url,
        otel_endpoint=settings.otel_endpoint,
        otel_service_prefix=settings.otel_service_prefix,
        db_pool_size=settings.db_pool_size,
        payment_run_partitions=settings.payment_run_partitions,
        clock=SystemClock(timedelta(seconds=settings.clock_offset_s)),
        policy=verification_policy(settings) if service == "verification" else None,
        partner_timeout_s=settings.verification_partner_timeout_s,
        watcher_interval_s=settings.verification_watcher_interval_s,
        digest_interval_s=settings.supervision_digest_interval_s,
        deadline_interval_s=settings.supervision_deadline_interval_s,
        store_digest_interval_s=settings.store_digest_interval_s,
        store_check_interval_s=settings.supervision_store_check_interval_s,
        source_database_urls=source_databases(settings) if service == "supervision" else {},
        pseudonym_key=pseudonym_key(settings),
        webhooks=webhook_settings(settings) if service == "supervision" else None,
    )


def webhook_settings(settings: Settings) -> WebhookSettings:
    """How supervision delivers webhooks (ADR 0036)."""
    return WebhookSettings(
        backoff_base_s=settings.supervision_webhook_backoff_base_s,
        backoff_cap_s=settings.supervision_webhook_backoff_cap_s,
        give_up_after_s=settings.supervision_webhook_give_up_after_s,
        secret_grace_s=settings.supervision_webhook_secret_grace_s,
        plain_http_hosts=settings.supervision_webhook_plain_http_hosts,
        timeout_s=settings.supervision_webhook_timeout_s,
        concurrency=settings.supervision_webhook_concurrency,
        dispatch_interval_s=settings.supervision_webhook_dispatch_interval_s,
    )


def source_databases(settings: Settings) -> dict[str, str]:
    """Every service's own database, as supervision re-reads them for sealed ranges (GEN-5)."""
    urls = {}
    for service in SERVICES:
        try:
            urls[service] = settings.database_url_for(service)
        except ValueError:
            continue  # no URL known for it here: its source check is skipped
    return urls


def pseudonym_key(settings: Settings) -> bytes:
    """The deployment's pseudonym key: made for development, else the operator's secret file."""
    path = settings.pseudonym_key_path
    if not path.exists() and not settings.makes_its_own_pseudonym_key:
        raise RuntimeError(
            f"PSEUDONYM_KEY_FILE {path} does not exist: every replica must read the deployment's"
            " one key (ADR 0020), so it is provisioned as a secret and never made here"
        )
    return ensure_pseudonym_key(path)


def ensure_pseudonym_key(path: Path) -> bytes:
    """The deployment's pseudonym key (ADR 0020), made (32 random bytes, mode 600) if missing."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it meanwhile
            pass
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(secrets.token_bytes(32))
    key = path.read_bytes()
    if len(key) < 16:
        raise ValueError(f"PSEUDONYM_KEY_FILE {path} holds {len(key)} bytes; at least 16 needed")
    return key


def build_runtime(settings: Settings, service: str) -> ServiceRuntime:
    """Import the service's bootstrap and wire it."""
    if service not in SERVICES:
        raise ValueError(f"unknown service {service!r}; choose from {', '.join(SERVICES)}")
    module = importlib.import_module(f"{service}.bootstrap")
    build: Bootstrap = module.build
    return build(service_config(settings, service))


def every_subscription() -> dict[str, tuple[Subscription, ...]]:
    """Every service's declared consumer groups, read without building the services (ADR 0052)."""
    return {
        service: importlib.import_module(f"{service}.subscriptions").SUBSCRIPTIONS
        for service in SERVICES
    }


def follow_readers(runtimes: Iterable[ServiceRuntime]) -> None:
    """Each relay follows the consumer groups, of every service, that read its topics: after a
    broker loss it republishes only what one of them had not consumed (ADR 0044)."""
    readers = [
        Reader(subscription.group, topic)
        for subscriptions in every_subscription().values()
        for subscription in subscriptions
        for topic in subscription.topics()
    ]
    for runtime in runtimes:
        runtime.relay.follow([r for r in readers if r.topic in runtime.relay.topics])


def offline_runtimes() -> dict[str, ServiceRuntime]:
    """Every service wired as its bootstrap wires it, connecting nowhere: what documents and
    ACLs made from the code read (registries, subscriptions), with a throw-away key pair."""
    with tempfile.TemporaryDirectory() as keys:
        _, public_pem = ensure_dev_keypair(Path(keys, "private.pem"), Path(keys, "public.pem"))
    return {
        service: importlib.import_module(f"{service}.bootstrap").build(
            ServiceConfig(
                service=service,
                database_url="postgresql+asyncpg://nobody@127.0.0.1:9/nowhere",
                kafka=KafkaConfig("127.0.0.1:9", enable_idempotence=False),
                token_public_key_pem=public_pem,
                jwt_issuer="safetynet",
                jwt_audience="safetynet",
            )
        )
        for service in SERVICES
    }
