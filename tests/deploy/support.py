"""What the deployment tests compare the deploy files with: the names the code really uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import REGISTRY

import shared.http.metrics
import shared.messaging.metrics
from services.settings import PROJECT_ROOT, SERVICES, Settings
from shared.messaging.topics import dlq_topic, events_topic, internal_topic

DEPLOY = PROJECT_ROOT / "deploy"
COMPOSE = DEPLOY / "compose.yaml"
K8S = DEPLOY / "k8s"
TOPIC = re.compile(r"\bsafetynet\.[a-z_]+\.[a-z]+\b")
METRIC = re.compile(r"\bsafetynet_[a-z_]+\b")
_REGISTERED = (shared.http.metrics, shared.messaging.metrics)  # importing registers them


class _RecordingEnv(dict[str, str]):
    """An empty environment that remembers every variable name looked up in it."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        """Record the name, answer as an empty environment would."""
        self.asked.add(key)
        return super().get(key, default)


def settings_variables() -> set[str]:
    """Every environment variable Settings.from_env reads."""
    env = _RecordingEnv()
    Settings.from_env(env)
    return env.asked


def real_topics() -> set[str]:
    """The internal, events and dead-letter topic of every service (ADR 0020)."""
    return {t for s in SERVICES for t in (internal_topic(s), events_topic(s), dlq_topic(s))}


def real_metrics() -> set[str]:
    """Every sample name the platform's Prometheus metrics expose."""
    names: set[str] = set()
    for family in REGISTRY.collect():
        if family.name.startswith("safetynet_"):
            names |= {family.name, *(f"{family.name}{s}" for s in _SUFFIXES[family.type])}
    return names


_SUFFIXES = {
    "counter": ("_total", "_created"),
    "gauge": (),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
    "summary": ("_count", "_sum", "_created"),
}


def deploy_texts() -> Iterator[tuple[Path, str]]:
    """Every text file under deploy/ with its content."""
    for path in sorted(DEPLOY.rglob("*")):
        if path.is_file():
            yield path, path.read_text(encoding="utf-8")
