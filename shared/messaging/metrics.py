"""The messaging metrics: the platform's shared ones plus those only the messaging layer has."""

from __future__ import annotations

from prometheus_client import Counter

from shared.http.metrics import CONSUMER_LAG, DLQ_MESSAGES, OUTBOX_LAG, RELAY_PUBLISHED

BROKER_LOSSES = Counter(
    "safetynet_relay_broker_losses_total",
    "Times the relay found the broker had lost published events and republished from the store",
    ("service",),
)

__all__ = [
    "BROKER_LOSSES",
    "CONSUMER_LAG",
    "DLQ_MESSAGES",
    "OUTBOX_LAG",
    "RELAY_PUBLISHED",
]
