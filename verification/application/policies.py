"""Verification's policy data: settings from the province's stream, deployment defaults beneath."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from verification.domain.policy_book import RULES, VerificationPolicy

SERVICE = "verification"


@dataclass(frozen=True)
class InForce:
    """The value of one policy number in force for a division on a day, and where it came from."""

    name: str
    value: str
    version: int  # the PolicySet's version; 0 when the deployment default applies
    scope: str | None = None
    effective_from: date | None = None


class PolicyData:
    """Reads and writes the `policy-verification` stream; `defaults` are the deployment's."""

    def __init__(self, store: EventStore, registry: EventRegistry, defaults: dict[str, str]):
        self.store = store
        self.repository = Repository(store, registry, VerificationPolicy)
        self.defaults = defaults
        assert set(defaults) == set(RULES), "every policy rule needs a deployment default"

    async def book(self, conn: AsyncConnection | None = None) -> VerificationPolicy:
        """The policy book (empty, version 0, while the province has set nothing)."""
        found = await self.repository.find(SERVICE, conn)
        return found if found is not None else VerificationPolicy(SERVICE)

    async def in_force(
        self, name: str, division: str, day: date, conn: AsyncConnection | None = None
    ) -> InForce:
        """The value of `name` in force on `day` for `division` (its county's, the province's,
        else the deployment default)."""
        setting = (await self.book(conn)).effective(name, division, day)
        if setting is None:
            return InForce(name, self.defaults[name], 0)
        return InForce(name, setting.value, setting.version, setting.scope, setting.effective_from)

    async def recorded(self, conn: AsyncConnection | None = None) -> dict[int, RecordedEvent]:
        """The stream's recorded events by version, for who set each value and when."""
        stream_id = VerificationPolicy.stream_id_for(SERVICE)
        return {e.stream_version: e for e in await self.store.read_stream(stream_id, conn)}
