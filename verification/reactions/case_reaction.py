"""What every reaction to another service's event about an application's cases shares."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import Actor, RecordedEvent
from verification.domain.case import PROGRAMMES_DECIDED_HERE, VerificationCase

SERVICE = "verification"


@dataclass(frozen=True)
class CaseReaction:
    """A reaction over verification's cases, built by the bootstrap with their repository.

    Each subclass reacts to one producer's event (read through its contract) and saves what it
    changes as caused by that event."""

    cases: Repository[VerificationCase]

    async def find(
        self, application_id: str, programme: str, conn: AsyncConnection
    ) -> VerificationCase | None:
        """The application's case for one programme, or None while it is not open."""
        return await self.cases.find(VerificationCase.id_for(application_id, programme), conn)

    async def cases_of(
        self, application_id: str, conn: AsyncConnection
    ) -> AsyncIterator[VerificationCase]:
        """The application's cases verification decides, in programme order, as they stand."""
        for programme in sorted(PROGRAMMES_DECIDED_HERE):
            case = await self.find(application_id, programme, conn)
            if case is not None:
                yield case

    async def save(
        self,
        case: VerificationCase,
        cause: RecordedEvent,
        reason: str,
        conn: AsyncConnection,
        expected_version: int | None = None,
        actor: Actor | None = None,
    ) -> None:
        """Append what the case recorded, reacting to `cause`: as verification's system, or as
        the `actor` whose order it carries out."""
        metadata = cause.metadata.caused_by(
            cause, actor or Actor.system(SERVICE), channel="kafka", reason=reason
        )
        await self.cases.save(case, metadata, conn, expected_version)
