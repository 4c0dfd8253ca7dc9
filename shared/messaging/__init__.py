"""Kafka messaging: CloudEvents, the outbox relay, the idempotent consumer and its dead letters."""
