"""DESIGN.md property 7: acks=all, idempotence where the broker supports it, no auto-commit."""

from __future__ import annotations

import pytest

from services.settings import Settings
from shared.messaging.kafka import KafkaConfig, make_consumer, make_producer, make_reader


@pytest.mark.req("GEN-3")
@pytest.mark.parametrize("idempotent", [True, False])
async def test_the_producer_waits_for_all_replicas_and_is_idempotent_when_asked(
    idempotent: bool,
) -> None:
    # given a configuration for Apache Kafka (idempotent) or the embedded broker (not)
    producer = make_producer(KafkaConfig("127.0.0.1:9", enable_idempotence=idempotent))
    # then acks=all (-1) and an idempotent producer exactly when configured
    assert producer._sender._acks == -1
    assert (producer._txn_manager is not None) is idempotent


@pytest.mark.req("GEN-3")
async def test_consumers_never_auto_commit() -> None:
    cfg = KafkaConfig("127.0.0.1:9", enable_idempotence=False)
    assert make_consumer(cfg, "group", ["topic"])._enable_auto_commit is False
    assert make_reader(cfg)._enable_auto_commit is False


def test_idempotence_defaults_on_for_an_external_kafka_and_off_for_the_embedded_broker() -> None:
    assert Settings.from_env({"KAFKA_BOOTSTRAP_SERVERS": "kafka-1:9092"}).kafka_idempotence
    assert not Settings.from_env({}).kafka_idempotence
    override = {"KAFKA_BOOTSTRAP_SERVERS": "kafka-1:9092", "KAFKA_ENABLE_IDEMPOTENCE": "false"}
    assert not Settings.from_env(override).kafka_idempotence
