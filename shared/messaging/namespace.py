"""The topic namespace: several deployments (or test stacks) can share one Kafka cluster.

`KAFKA_TOPIC_NAMESPACE` (default `safetynet`) prefixes every topic and, when not the default,
every consumer group id on the broker. The composition root sets it once per process at start-up
(`use_namespace`, from the settings) because topic names are fixed for a process's whole life
(see docs/decisions/0009-topic-namespace.md); the kernel itself never reads the environment.
"""

from __future__ import annotations

import re

DEFAULT_NAMESPACE = "safetynet"
_VALID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,48}$")
_current = DEFAULT_NAMESPACE


def valid_namespace(value: str) -> str:
    """The namespace itself when it is one; ValueError naming KAFKA_TOPIC_NAMESPACE otherwise."""
    if not _VALID.match(value):
        raise ValueError(f"KAFKA_TOPIC_NAMESPACE must match {_VALID.pattern}, not {value!r}")
    return value


def use_namespace(value: str) -> None:
    """Set this process's namespace (the composition root, once, before any topic is named)."""
    global _current
    _current = valid_namespace(value)


def namespace() -> str:
    """This process's namespace."""
    return _current


def consumer_group(name: str) -> str:
    """The broker-side group id of a consumer group (namespaced unless the default)."""
    return name if _current == DEFAULT_NAMESPACE else f"{_current}.{name}"
