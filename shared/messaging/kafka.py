"""Kafka clients: acks=all, idempotence where the broker supports it, no auto-commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.helpers import create_ssl_context

from shared.messaging.namespace import consumer_group

LINGER_MS = 5
# One relay wave puts a partition's share of a relay batch into a single record batch.
MAX_BATCH_BYTES = 512 * 1024


@dataclass(frozen=True)
class KafkaConfig:
    """Where the broker is, whether it takes idempotent producers, and who we are."""

    bootstrap_servers: str
    enable_idempotence: bool
    client_id: str = "safetynet"
    # tansu answers a JoinGroup after half the session timeout; Apache Kafka's floor is 6 s
    session_timeout_ms: int = 10_000
    # how soon a consumer notices a topic's partitions changed (a broker that lost it all)
    metadata_max_age_ms: int = 30_000
    topic_partitions: int = 6
    replication_factor: int = 1
    # who the service is to the broker, whose ACLs decide what it may read and write (ADR 0033)
    security_protocol: str = "PLAINTEXT"  # or SASL_PLAINTEXT, SASL_SSL
    sasl_mechanism: str | None = None  # e.g. SCRAM-SHA-512
    sasl_username: str | None = None
    sasl_password: str | None = field(default=None, repr=False)

    def connection(self) -> dict[str, Any]:
        """What every client of this config passes to aiokafka: the address and the identity."""
        options: dict[str, Any] = {
            "bootstrap_servers": self.bootstrap_servers,
            "security_protocol": self.security_protocol,
        }
        if self.security_protocol.endswith("SSL"):
            options["ssl_context"] = create_ssl_context()  # the system's certificate authorities
        if self.sasl_mechanism:
            options |= {
                "sasl_mechanism": self.sasl_mechanism,
                "sasl_plain_username": self.sasl_username,
                "sasl_plain_password": self.sasl_password,
            }
        return options


def make_producer(cfg: KafkaConfig) -> AIOKafkaProducer:
    """A producer that waits for all in-sync replicas (property 7); start it before use."""
    return AIOKafkaProducer(
        **cfg.connection(),
        client_id=cfg.client_id,
        acks="all",
        enable_idempotence=cfg.enable_idempotence,
        linger_ms=LINGER_MS,
        max_batch_size=MAX_BATCH_BYTES,
        max_request_size=2 * MAX_BATCH_BYTES,
    )


def make_consumer(cfg: KafkaConfig, group_id: str, topics: Sequence[str]) -> AIOKafkaConsumer:
    """A group consumer with manual commits, reading from the start when the group is new."""
    return AIOKafkaConsumer(
        *topics,
        **cfg.connection(),
        client_id=cfg.client_id,
        group_id=consumer_group(group_id),
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        session_timeout_ms=cfg.session_timeout_ms,
        heartbeat_interval_ms=max(100, cfg.session_timeout_ms // 3),
        metadata_max_age_ms=cfg.metadata_max_age_ms,
    )


async def stop_group_consumer(consumer: AIOKafkaConsumer) -> None:
    """Stop a group consumer so that it leaves its group, even in generation 0.

    aiokafka sends LeaveGroup only from generation > 0, as Apache Kafka numbers them from 1;
    tansu starts at 0, so a member that stopped in the first generation would hold its
    partitions until its session timed out, stalling the next member for that long.
    """
    coordinator: Any = getattr(consumer, "_coordinator", None)
    if getattr(coordinator, "generation", None) == 0 and getattr(coordinator, "member_id", ""):
        coordinator.generation = 1
    await consumer.stop()


def make_reader(cfg: KafkaConfig) -> AIOKafkaConsumer:
    """A group-less consumer for reading chosen offsets (no commits, no subscription)."""
    return AIOKafkaConsumer(
        **cfg.connection(),
        client_id=f"{cfg.client_id}-reader",
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="none",
        fetch_max_wait_ms=100,
        request_timeout_ms=5000,
    )
