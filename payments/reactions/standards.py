"""When a standard changes, recompute the entitlements it governs, by event (PAY-4).

A raise with a past effective date yields EntitlementCalculated from that date; the next run
compares what was paid for each past period with the entitlement now in force and pays the
difference as back pay (补发, see application/instruct.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import entitlement_of, local_standard, recomputed
from payments.domain.beneficiary import Beneficiary
from payments.domain.standards import PROVINCE
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.projections.runner import ProjectionRunner

REASON = "保障标准调整，重新核定待遇 (standard changed: entitlement recomputed)"
AWAITED = (
    "保障标准已制定，按规则核定待标准的待遇 (standard set: the entitlement awaiting it computed)"
)
_GOVERNED = text(
    "SELECT case_id FROM beneficiaries_view WHERE programme = :programme"
    " AND status <> 'terminated' AND (county_code = :county OR :county = '62')"
    " ORDER BY case_id"
)


class StandardReactions:
    """Policy: payments.StandardSet → EntitlementCalculated for every governed beneficiary."""

    def __init__(self) -> None:
        self._repos: Repositories | None = None
        self._projections: ProjectionRunner | None = None

    def bind(self, repos: Repositories, projections: ProjectionRunner | None = None) -> None:
        """Give the policy its repositories (and the projections it reads) once wired."""
        self._repos = repos
        self._projections = projections

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Recompute the entitlements a new standard version governs."""
        if event.type != "payments.StandardSet" or self._repos is None:
            return
        if self._projections is not None:  # every enrolment recorded so far is in the roll
            await self._projections.catch_up("payments.beneficiaries_view")
        data = event.data
        params = {"programme": data["programme"], "county": data["division_code"]}
        for row in list(await conn.execute(_GOVERNED, params)):
            await self._recompute(conn, row.case_id, data["programme"], event)

    async def _recompute(
        self, conn: AsyncConnection, case_id: str, programme: str, event: RecordedEvent
    ) -> None:
        assert self._repos is not None
        beneficiary = await self._repos.beneficiaries.find(
            Beneficiary.id_for(case_id, programme), conn
        )
        if beneficiary is None or beneficiary.enrolled is None:
            return
        enrolled = beneficiary.enrolled
        fixed = enrolled.approved_monthly_amount_fen > 0 or any(
            e.method == "approved" for e in beneficiary.entitlements
        )
        if fixed or beneficiary.status == "terminated":
            return  # an amount fixed by the county (override or adjustment) is changed by it
        standard = await local_standard(self._repos, conn, enrolled.county_code, programme)
        if standard is None or (
            event.data["division_code"] == PROVINCE and standard.id.split(":")[0] != PROVINCE
        ):
            return  # a county's own standard governs, not the guidance
        start = max(date.fromisoformat(event.data["effective_from"]), enrolled.effective_from)
        in_force = standard.in_force(start)
        if in_force is None:
            return
        reason = AWAITED if beneficiary.awaits_standard_on(start) else REASON
        entitlement = entitlement_of(enrolled, recomputed(enrolled, in_force), start)
        if beneficiary.recalculate(entitlement):
            metadata = event.metadata.caused_by(event, Actor.system("payments"), "kafka", reason)
            await self._repos.beneficiaries.save(beneficiary, _with_case(metadata, case_id), conn)


def _with_case(metadata: EventMetadata, case_id: str) -> EventMetadata:
    return replace(metadata, case_id=case_id)
