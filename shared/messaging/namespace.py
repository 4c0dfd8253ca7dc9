"""The topic namespace: several deployments (or test stacks) can share one Kafka cluster.

`KAFKA_TOPIC_NAMESPACE` (default `safetynet`) prefixes every topic and, when not the default,
every consumer group id on the broker. It is read once per process from the environment because
topic names are fixed for a process's whole life (see docs/decisions/0009-topic-namespace.md).
"""

from __future__ import annotations

import os
import re

DEFAULT_NAMESPACE = "safetynet"
_VALID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,48}$")


def _from_environment() -> str:
    value = os.environ.get("KAFKA_TOPIC_NAMESPACE", "").strip() or DEFAULT_NAMESPACE
    if not _VALID.match(value):
        raise ValueError(f"KAFKA_TOPIC_NAMESPACE must match {_VALID.pattern}, not {value!r}")
    return value


NAMESPACE = _from_environment()


def consumer_group(name: str) -> str:
    """The broker-side group id of a consumer group (namespaced unless the default)."""
    return name if NAMESPACE == DEFAULT_NAMESPACE else f"{NAMESPACE}.{name}"
