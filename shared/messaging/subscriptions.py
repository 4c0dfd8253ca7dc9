"""Who reads what: a service's consumer groups, declared as data beside its bootstrap.

The bootstrap gives each declared subscription its handler (`ServiceRuntime.subscribe`). A relay
follows the readers of its topics across every service (ADR 0044); it learns them from these
declarations, without building the other services (ADR 0052).
"""

from __future__ import annotations

from dataclasses import dataclass

from shared.messaging.topics import events_topic, internal_topic


@dataclass(frozen=True)
class Subscription:
    """A consumer group: the services it listens to, and on which of their views."""

    group: str
    sources: tuple[str, ...]
    public: bool = False  # the public `.events` view (what may leave the platform, ADR 0036)

    def topics(self) -> list[str]:
        """The topics the group reads: the sources' internal topics, or their public views."""
        view = events_topic if self.public else internal_topic
        return [view(source) for source in self.sources]
