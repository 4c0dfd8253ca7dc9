"""Topic names of the platform and their creation on the broker."""

from __future__ import annotations

from collections.abc import Iterable

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from shared.messaging.kafka import KafkaConfig
from shared.messaging.namespace import namespace

TOPIC_ALREADY_EXISTS = TopicAlreadyExistsError.errno


def events_topic(service: str) -> str:
    """The public view of a service's events (`safetynet.<service>.events`, ADR 0020)."""
    return f"{namespace()}.{service}.events"


def internal_topic(service: str) -> str:
    """The full events of a service, for the platform's own consumers only (ADR 0020)."""
    return f"{namespace()}.{service}.internal"


def dlq_topic(service: str) -> str:
    """The dead-letter topic of a service's consumers (`safetynet.<service>.dlq`)."""
    return f"{namespace()}.{service}.dlq"


class TopicCreationFailed(RuntimeError):
    """The broker refused to create a topic for a reason other than its existence."""


def _admin(broker: str | KafkaConfig) -> AIOKafkaAdminClient:
    """An admin client for a broker address (tests, tools) or a service's config (its identity)."""
    if isinstance(broker, KafkaConfig):
        return AIOKafkaAdminClient(**broker.connection())
    return AIOKafkaAdminClient(bootstrap_servers=broker)


async def ensure_topics(
    broker: str | KafkaConfig,
    topics: Iterable[str],
    partitions: int = 6,
    replication_factor: int = 1,
) -> None:
    """Create the topics that do not exist yet; existing topics are left as they are."""
    wanted = [NewTopic(t, partitions, replication_factor) for t in topics]
    admin = _admin(broker)
    try:
        await admin.start()
        response = await admin.create_topics(wanted)
    except TopicAlreadyExistsError:
        return
    finally:
        await admin.close()
    for topic, code, message in _topic_errors(response):
        if code not in (0, TOPIC_ALREADY_EXISTS):
            raise TopicCreationFailed(f"{topic}: error {code} {message}")


async def ensure_topics_for(cfg: KafkaConfig, topics: Iterable[str]) -> None:
    """Create missing topics with the configured partitions and replication."""
    await ensure_topics(cfg, topics, cfg.topic_partitions, cfg.replication_factor)


async def topic_partitions(broker: str | KafkaConfig, topic: str) -> set[int] | None:
    """The partitions a topic has now, None when it does not exist (the lookup creates nothing)."""
    admin = _admin(broker)
    try:
        await admin.start()
        if topic not in await admin.list_topics():
            return None
        described = await admin.describe_topics([topic])
    finally:
        await admin.close()
    return {p["partition"] for d in described for p in d["partitions"]}


def _topic_errors(response: object) -> list[tuple[str, int, str]]:
    errors = getattr(response, "topic_errors", [])
    return [(e[0], e[1], e[2] if len(e) > 2 else "") for e in errors]
