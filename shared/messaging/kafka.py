"""Kafka clients: acks=all, idempotence where the broker supports it, no auto-commit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

LINGER_MS = 5
# One relay wave puts a partition's share of a relay batch into a single record batch.
MAX_BATCH_BYTES = 512 * 1024


@dataclass(frozen=True)
class KafkaConfig:
    """Where the broker is, whether it takes idempotent producers, and who we are."""

    bootstrap_servers: str
    enable_idempotence: bool
    client_id: str = "safetynet"


def make_producer(cfg: KafkaConfig) -> AIOKafkaProducer:
    """A producer that waits for all in-sync replicas (property 7); start it before use."""
    return AIOKafkaProducer(
        bootstrap_servers=cfg.bootstrap_servers,
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
        bootstrap_servers=cfg.bootstrap_servers,
        client_id=cfg.client_id,
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )


def make_reader(cfg: KafkaConfig) -> AIOKafkaConsumer:
    """A group-less consumer for reading chosen offsets (no commits, no subscription)."""
    return AIOKafkaConsumer(
        bootstrap_servers=cfg.bootstrap_servers,
        client_id=f"{cfg.client_id}-reader",
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="none",
        fetch_max_wait_ms=100,
        request_timeout_ms=5000,
    )
