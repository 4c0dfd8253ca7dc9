"""When a standard changes, recompute the entitlements it governs, by event (PAY-4).

A raise with a past effective date yields EntitlementCalculated from that date; the next run
compares what was paid for each past period with the entitlement now in force and pays the
difference as back pay (补发, see application/instruct.py).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import entitlement_of, local_standard, recomputed
from payments.domain.beneficiary import Beneficiary
from payments.domain.standards import PROVINCE
from shared.contracts.payments import StandardSet
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

    def __init__(self, repos: Repositories, projections: ProjectionRunner) -> None:
        self.repos = repos
        self.projections = projections

    async def recompute(
        self, change: StandardSet, recorded: RecordedEvent, conn: AsyncConnection
    ) -> None:
        """Recompute the entitlements a new standard version governs."""
        # every enrolment recorded so far is in the roll
        await self.projections.catch_up("payments.beneficiaries_view")
        params = {"programme": change.programme, "county": change.division_code}
        for row in list(await conn.execute(_GOVERNED, params)):
            await self._recompute(conn, row.case_id, change, recorded)

    async def _recompute(
        self, conn: AsyncConnection, case_id: str, change: StandardSet, recorded: RecordedEvent
    ) -> None:
        beneficiary = await self.repos.beneficiaries.find(
            Beneficiary.id_for(case_id, change.programme), conn
        )
        if beneficiary is None or beneficiary.enrolled is None:
            return
        enrolled = beneficiary.enrolled
        start = max(change.effective_from, enrolled.effective_from)
        if beneficiary.fixed_on(start) or beneficiary.status == "terminated":
            return  # an amount the county fixed is changed by the county; one it fixes later
            # (an adjustment from a later month) still leaves the months before to the raise
        standard = await local_standard(self.repos, conn, enrolled.county_code, change.programme)
        if standard is None or (
            change.division_code == PROVINCE and standard.id.split(":")[0] != PROVINCE
        ):
            return  # a county's own standard governs, not the guidance
        in_force = standard.in_force(start)
        if in_force is None:
            return
        reason = AWAITED if beneficiary.awaits_standard_on(start) else REASON
        computed = recomputed(enrolled, in_force, beneficiary.household_size)
        entitlement = entitlement_of(enrolled, computed, start)
        if beneficiary.recalculate(entitlement):
            metadata = recorded.metadata.caused_by(
                recorded, Actor.system("payments"), "kafka", reason
            )
            await self.repos.beneficiaries.save(beneficiary, _with_case(metadata, case_id), conn)


def _with_case(metadata: EventMetadata, case_id: str) -> EventMetadata:
    return replace(metadata, case_id=case_id)
