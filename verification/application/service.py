"""Verification's application service: loads aggregates, runs partner queries, saves events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.clock import Clock, today
from shared.db import driver_in_transaction
from shared.domain.errors import NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from shared.workdays import Workdays, library_calendar
from verification.adapters.partner_data import Answer, PartnerDataClient
from verification.application import holders
from verification.application.aggregates import Addressed
from verification.application.policies import PolicyData
from verification.domain import events as ev
from verification.domain.batch import MINIMUM_RATE, CountyBatch
from verification.domain.case import PAID_ONCE, VerificationCase
from verification.domain.errors import MemberHoldsProgramme
from verification.domain.policy import Deadlines
from verification.domain.policy_book import (
    CHILD_ALLOWANCE_AGE_LIMIT,
    NOTICE_PERIOD_DAYS,
    SPOT_CHECK_RATE,
)

# The source notice: members, their income situation and the benefit amount (长期公示).
NOTICE_FIELDS_DEFAULT = ("name", "household_size", "members", "income", "amount")
NOTICE_FIELDS_ALLOWED = frozenset(NOTICE_FIELDS_DEFAULT)


@dataclass(frozen=True)
class Policy:
    """Configurable parameters (VER-5, VER-6, VER-9) with the requirement defaults.

    The deployment's values come from the settings: services.composition.verification_policy.
    """

    notice_period_days: int = 7
    spot_check_rate: Decimal = MINIMUM_RATE
    notice_fields: tuple[str, ...] = NOTICE_FIELDS_DEFAULT
    deadlines: Deadlines = field(default_factory=Deadlines)
    calendar: Workdays = field(default_factory=library_calendar)  # overlaid by loaded years
    child_allowance_age_limit: int = 18  # PAY-9: 未满18周岁 (national), beneath the province's


class Verification:
    """The verification service's use cases over its two aggregates."""

    def __init__(
        self,
        store: EventStore,
        registry: EventRegistry,
        partner: PartnerDataClient | None,
        clock: Clock,
        policy: Policy | None = None,
    ) -> None:
        self.cases = Repository(store, registry, VerificationCase)
        self.batches = Addressed(Repository(store, registry, CountyBatch), _no_batch)
        self.partner = partner
        self.clock = clock
        self.policy = policy or Policy()
        # The deployment's numbers are only the defaults beneath what the province sets (ADR 0017).
        self.policies = PolicyData(
            store,
            registry,
            {
                NOTICE_PERIOD_DAYS: str(self.policy.notice_period_days),
                SPOT_CHECK_RATE: str(self.policy.spot_check_rate),
                CHILD_ALLOWANCE_AGE_LIMIT: str(self.policy.child_allowance_age_limit),
            },
        )

    def today(self) -> date:
        """Today in China."""
        return today(self.clock)

    def cases_of(self, programme: str) -> Addressed[VerificationCase]:
        """The cases of one programme, each named by its application's case id."""
        return Addressed(
            self.cases,
            lambda case_id: NotFound(
                f"no verification case {case_id} for programme {programme}",
                f"未找到案件 {case_id}（{programme}）的核查记录",
            ),
            lambda case_id: VerificationCase.id_for(case_id, programme),
        )

    async def case(
        self, case_id: str, programme: str, conn: AsyncConnection | None = None
    ) -> VerificationCase:
        """The case for one programme, or 404."""
        return await self.cases_of(programme).get(case_id, conn)

    async def batch(self, batch_id: str, conn: AsyncConnection | None = None) -> CountyBatch:
        """A county batch, or 404."""
        return await self.batches.get(batch_id, conn)

    async def batch_complete(self, case: VerificationCase, conn: AsyncConnection) -> bool:
        """True when the case's batch has all its sampled households visited."""
        if case.batch_id is None:
            return False
        return (await self.batch(case.batch_id, conn)).complete

    async def hold_programme_for_members(
        self, case: VerificationCase, conn: AsyncConnection
    ) -> None:
        """Record the case's members as holding its programme, in the approval's transaction; or
        refuse if one holds it in another case (INT-9). The desk and the caseload import each
        refuse one, but not one of each made at the same moment in two counties; nor may two
        approvals naming one person both pass, however close (`holders`)."""
        opened = case.opened
        assert opened is not None
        if opened.programme in PAID_ONCE:
            return
        residents = [m.resident_id for m in opened.members]
        raw = await driver_in_transaction(conn)
        await holders.lock_for_approval(raw, opened.programme, residents)
        found = await holders.holders(raw, residents, stages=holders.HOLDING)
        holding = {
            resident
            for resident, programme, case_id in found
            if programme == opened.programme and case_id != opened.case_id
        }
        if not holding:
            await holders.record(raw, [(r, opened.programme, opened.case_id) for r in residents])
            return
        index = next(i for i, r in enumerate(residents) if r in holding)
        raise MemberHoldsProgramme(
            f"members.{index}.resident_id holds {opened.programme} in another case",
            f"members.{index}.resident_id 已在其他案件中享受{opened.programme}",
            field=f"members.{index}.resident_id",
            programme=opened.programme,
        )

    async def query_partners(
        self, case: VerificationCase
    ) -> tuple[list[ev.EvidenceRecorded], list[ev.EvidenceRequestFailed]]:
        """Ask the partner sources for what is still missing (outside any transaction)."""
        pairs = case.missing_queries()
        assert case.opened is not None
        if self.partner is None:
            failures = [
                ev.EvidenceRequestFailed(
                    case.opened.case_id,
                    case.opened.programme,
                    s,
                    r,
                    "no partner data source configured",
                    0,
                )
                for s, r in pairs
            ]
            return [], failures
        results = list(await self.partner.query_all(pairs, case.opened.authorisation_ref))
        answers, failures = [], []
        for result in results:
            if isinstance(result, Answer):
                answers.append(
                    ev.EvidenceRecorded(
                        case.opened.case_id,
                        case.opened.programme,
                        result.source,
                        result.resident_id,
                        result.monthly_income_fen,
                        result.assets_fen,
                        result.deceased,
                        result.reference,
                        "partner_api",
                    )
                )
            else:
                failures.append(
                    ev.EvidenceRequestFailed(
                        case.opened.case_id,
                        case.opened.programme,
                        result.source,
                        result.resident_id,
                        result.error,
                        result.attempts,
                    )
                )
        return answers, failures

    async def save(
        self, case: VerificationCase | CountyBatch, metadata: EventMetadata, conn: AsyncConnection
    ) -> list[RecordedEvent]:
        """Append what the aggregate recorded at the version it was loaded at."""
        if isinstance(case, VerificationCase):
            return await self.cases.save(case, metadata, conn)
        return await self.batches.save(case, metadata, conn)


def _no_batch(batch_id: str) -> NotFound:
    return NotFound(f"no batch {batch_id}", f"未找到批次 {batch_id}")
