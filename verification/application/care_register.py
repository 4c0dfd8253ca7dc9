"""The care register's application service (VER-10): children and disability screenings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.clock import Clock, today
from shared.domain.errors import DomainError, NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from verification.application.aggregates import Addressed
from verification.domain.children import Child
from verification.domain.inclusion import InclusionScreening

# One child per resident ID, claimed in the registering transaction (a write-side guard, as
# life_events_received is: the read models lag, this may not).
_CLAIM = text(
    "INSERT INTO children_resident_ids (resident_id, child_id) VALUES (:r, :c)"
    " ON CONFLICT (resident_id) DO NOTHING RETURNING child_id"
)


class ChildAlreadyRegistered(DomainError):
    """The child is on the register already (perhaps in another township)."""

    code = "child-already-registered"
    status = 409
    title_en = "The child is on the register already"
    title_zh = "该儿童已在关爱保护名册中"


class CareRegister:
    """Loads and saves the register's aggregates; today comes from the service's clock."""

    def __init__(self, store: EventStore, registry: EventRegistry, clock: Clock) -> None:
        self.children = Addressed(Repository(store, registry, Child), _no_child)
        self.screenings = Addressed(Repository(store, registry, InclusionScreening), _no_screening)
        self.clock = clock

    def today(self) -> date:
        """Today in China."""
        return today(self.clock)

    async def child(self, child_id: str, conn: AsyncConnection | None = None) -> Child:
        """A registered child, or 404."""
        return await self.children.get(child_id, conn)

    async def screening(
        self, screening_id: str, conn: AsyncConnection | None = None
    ) -> InclusionScreening:
        """A screening, or 404."""
        return await self.screenings.get(screening_id, conn)

    async def claim(self, resident_id: str, child_id: str, conn: AsyncConnection) -> None:
        """Reserve the resident ID for this child; 409 when another child holds it."""
        claimed = (await conn.execute(_CLAIM, {"r": resident_id, "c": child_id})).first()
        if claimed is None:
            raise ChildAlreadyRegistered(
                "a child with this resident ID is on the register already",
                "该公民身份号码的儿童已登记，请查询后续记",
                field="resident_id",
            )

    async def save(
        self, item: Child | InclusionScreening, metadata: EventMetadata, conn: AsyncConnection
    ) -> list[RecordedEvent]:
        """Append what the aggregate recorded at the version it was loaded at."""
        if isinstance(item, Child):
            return await self.children.save(item, metadata, conn)
        return await self.screenings.save(item, metadata, conn)


def _no_child(child_id: str) -> NotFound:
    return NotFound(f"no child {child_id} on the register", f"名册中无编号为 {child_id} 的儿童")


def _no_screening(screening_id: str) -> NotFound:
    return NotFound(f"no screening {screening_id}", f"未找到编号为 {screening_id} 的甄别记录")
