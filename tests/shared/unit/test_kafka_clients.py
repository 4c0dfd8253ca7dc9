"""DESIGN.md property 7: acks=all, idempotence where the broker supports it, no auto-commit."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.composition import pseudonym_key
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


@pytest.mark.req("GEN-7")
async def test_every_client_of_a_sasl_config_authenticates_as_the_services_principal(
    tmp_path: Path,
) -> None:
    # given a service configured for a SASL cluster, its password in a mounted file
    (tmp_path / "password").write_text("s3cret\n")
    settings = Settings.from_env(
        {
            "KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
            "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext",
            "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
            "KAFKA_SASL_USERNAME": "safetynet-intake",
            "KAFKA_SASL_PASSWORD_FILE": str(tmp_path / "password"),
        }
    )
    cfg = settings.kafka_config("safetynet-intake")
    # then producers, consumers and readers all present that identity
    for client in (make_producer(cfg), make_consumer(cfg, "g", ["t"]), make_reader(cfg)):
        connection = getattr(client, "_client", None) or getattr(client, "client")  # noqa: B009
        assert connection._security_protocol == "SASL_PLAINTEXT"
        assert connection._sasl_mechanism == "SCRAM-SHA-512"
        assert connection._sasl_plain_username == "safetynet-intake"
        assert connection._sasl_plain_password == "s3cret"
    assert "s3cret" not in repr(cfg)


def test_an_unknown_security_protocol_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="KAFKA_SECURITY_PROTOCOL"):
        Settings.from_env({"KAFKA_SECURITY_PROTOCOL": "SSL_PLEASE"})


@pytest.mark.req("GEN-7")
def test_a_configured_pseudonym_key_that_is_missing_stops_the_service(tmp_path: Path) -> None:
    # given the operator named the deployment's key file but it is not there (a missing secret)
    settings = Settings.from_env(
        {"PSEUDONYM_KEY_FILE": str(tmp_path / "absent.key"), "SAFETYNET_DATA_DIR": str(tmp_path)}
    )
    # then the service refuses to start rather than make a key of its own
    with pytest.raises(RuntimeError, match="PSEUDONYM_KEY_FILE"):
        pseudonym_key(settings)
    assert not (tmp_path / "absent.key").exists()
    # while the development key under the data directory is made when missing
    development = Settings.from_env({"SAFETYNET_DATA_DIR": str(tmp_path)})
    assert len(pseudonym_key(development)) == 32
