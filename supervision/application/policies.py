"""Supervision's policy numbers in force: the province's settings, deployment defaults beneath."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.db import Connection
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from shared.policy import PROVINCE
from supervision.application.files import Files
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

    def for_change(self) -> PolicyChange:
        """The stream as one command changes it (`shared.http.commands.change`)."""
        return PolicyChange(self.repository)


class PolicyChange(Files[SupervisionPolicy]):
    """The policy book as one command changes it (`shared.http.commands.Aggregates`): empty at
    version 0 before the province's first setting; keeps what its append recorded, by version,
    for the answer to show who set the value and when."""

    def __init__(self, repository: Repository[SupervisionPolicy]) -> None:
        super().__init__(repository)
        self.recorded: dict[int, RecordedEvent] = {}

    async def save(
        self,
        instance: SupervisionPolicy,
        metadata: EventMetadata,
        conn: Connection | None,
        expected_version: int | None = None,
    ) -> list[RecordedEvent]:
        """Append at the expected version and keep the recorded events."""
        recorded = await super().save(instance, metadata, conn, expected_version)
        self.recorded = {event.stream_version: event for event in recorded}
        return recorded
