"""Supervision's policy numbers in force: the province's settings, deployment defaults beneath."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from shared.policy import PROVINCE
from supervision.domain.policy_book import DEFAULTS, RULES, SupervisionPolicy

SERVICE = "supervision"


class PolicyData:
    """Reads and writes the `policy-supervision` stream."""

    def __init__(self, store: EventStore, registry: EventRegistry) -> None:
        self.store = store
        self.repository = Repository(store, registry, SupervisionPolicy)
        self.defaults = dict(DEFAULTS)
        assert set(self.defaults) == set(RULES), "every policy rule needs a default"

    async def book(self, conn: AsyncConnection | None = None) -> SupervisionPolicy:
        """The policy book (empty, version 0, while the province has set nothing)."""
        found = await self.repository.find(SERVICE, conn)
        return found if found is not None else SupervisionPolicy(SERVICE)

    async def value(
        self, name: str, day: date, conn: AsyncConnection | None = None
    ) -> tuple[str, int]:
        """The province's value of `name` on `day` and its version (0: the default)."""
        setting = (await self.book(conn)).effective(name, PROVINCE, day)
        return (setting.value, setting.version) if setting else (self.defaults[name], 0)

    async def recorded(self, conn: AsyncConnection | None = None) -> dict[int, RecordedEvent]:
        """The stream's events by version, for who set each value and when."""
        stream_id = SupervisionPolicy.stream_id_for(SERVICE)
        return {e.stream_version: e for e in await self.store.read_stream(stream_id, conn)}
