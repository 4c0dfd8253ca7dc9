"""Import a caseload file as migrated cases, a batch of households per transaction (ADR 0037).

Each valid household becomes one verification case: `CaseOpened` and `CaseApproved`, both marked
`migrated` (import, file SHA-256, row, old household number), dated on the old approval day and
appended by the importing operator. Payments enrols it from `CaseApproved` as any approval.
A batch's events, rejects and the import's progress commit together, so a run stopped anywhere
(SIGKILL included) is resumed by running the same file again: households done are skipped, and
a household's case stream can be created only once (its id derives from the county and the old
household number), so nothing is appended twice.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import cast

import asyncpg

from shared.clock import CHINA, Clock, today
from shared.db import driver_in_transaction
from shared.eventstore.envelope import Actor, EventMetadata, NewEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore, StreamAppend
from verification.application import holders
from verification.application.migration import progress
from verification.application.migration.layout import Opener, Row, households, inspect
from verification.application.migration.progress import BatchDone, MigrationRecord
from verification.application.migration.rules import Household, Reject, validate_household
from verification.domain.case import VerificationCase
from verification.domain.decision_events import (
    ApprovedMember,
    CareArrangement,
    CaseApproved,
    Migration,
    SelfCare,
)
from verification.domain.events import CaseOpened, Member
from verification.domain.policy import next_review_due

# Case ids of migrated households: uuid5 of "<county>:<old household number>" in this namespace.
CASE_NAMESPACE = uuid.UUID("0b7f3c2e-5d1a-5e8b-9c41-6a2f0e9d3b17")
PROVINCE_SCOPE = "62"
OVERRIDE_REASON = "原系统核定金额，迁移沿用 (the old system's amount, kept on migration)"
# the households imported already, and by which import
_EXISTING = """
    SELECT stream_id, data->'migrated'->>'migration_id' AS migration_id FROM events
    WHERE stream_id = ANY($1::text[]) AND stream_version = 1
"""
# a household's rows must come together (docs/migration.md): a later group of the same number
# is another part of it, never imported as the household
_SPLIT_ZH, _SPLIT_EN = (
    "该户的行不连续（同一户的行须相邻），整户未导入",
    (
        "the household's rows are not together (one household's rows must be consecutive):"
        " not imported"
    ),
)
_SPLIT_LATE_ZH, _SPLIT_LATE_EN = (
    "该户的行不连续：此前的行已作为该户导入，请核对该户成员",
    (
        "the household's rows are not together: its earlier rows were imported as the household;"
        " check its members"
    ),
)

Progress = Callable[[MigrationRecord], None]


def case_id_of(division_code: str, household_ref: str) -> str:
    """The case id of a migrated household: the same for every file that names it."""
    return str(uuid.uuid5(CASE_NAMESPACE, f"{division_code[:6]}:{household_ref}"))


@dataclass(frozen=True)
class Importer:
    """Runs imports into one verification event store."""

    store: EventStore
    registry: EventRegistry
    clock: Clock
    batch_size: int = 500

    async def run(
        self,
        opener: Opener,
        file_name: str,
        county: str | None,
        actor: Actor,
        channel: str,
        on_progress: Progress | None = None,
    ) -> MigrationRecord:
        """Import the file (or finish a previous run of it); the import's final record."""
        source = inspect(opener)
        async with self.store.engine.begin() as conn:
            raw = await driver_in_transaction(conn)
            scope = county or PROVINCE_SCOPE
            record = await progress.start(raw, source, scope, file_name, actor, self.clock.now())
        if on_progress:
            on_progress(record)
        if record.status == progress.COMPLETED:
            return record
        run = _Run(self, record, county, actor, channel, on_progress)
        for batch in _batches(households(opener, source), record.households_done, self.batch_size):
            await run.commit(batch)
        async with self.store.engine.begin() as conn:
            raw = await driver_in_transaction(conn)
            record = await progress.finish(raw, run.record, self.clock.now())
        if on_progress:
            on_progress(record)
        return record


def _batches(groups: Iterator[list[Row]], done: int, size: int) -> Iterator[list[list[Row]]]:
    """The households not done yet, `size` at a time (the first `done` were committed before)."""
    batch: list[list[Row]] = []
    for ordinal, rows in enumerate(groups, start=1):
        if ordinal <= done:
            continue
        batch.append(rows)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Run:
    """One run of an import: validates and commits batch after batch."""

    def __init__(
        self,
        importer: Importer,
        record: MigrationRecord,
        county: str | None,
        actor: Actor,
        channel: str,
        on_progress: Progress | None,
    ) -> None:
        self.importer, self.record, self.county = importer, record, county
        self.actor, self.channel, self.on_progress = actor, channel, on_progress
        self.today = today(importer.clock)

    async def commit(self, batch: list[list[Row]]) -> None:
        """Validate a batch, then append its cases, its rejects and the progress in one go."""
        rejects: list[Reject] = []
        valid: dict[str, tuple[Household, StreamAppend]] = {}
        split = _split_households(batch)
        for rows in batch:
            if _household_key(rows) in split:
                rejects += _refused(rows, _SPLIT_ZH, _SPLIT_EN)
                continue
            checked = validate_household(rows, self.county, self.today)
            if isinstance(checked, list):
                rejects += checked
                continue
            append = self._append(checked)
            valid[append.stream_id] = (checked, append)
        store = self.importer.store
        async with store.engine.begin() as conn:
            raw = await driver_in_transaction(conn)
            for found in await raw.fetch(_EXISTING, list(valid)):
                household, _ = valid.pop(found["stream_id"])
                this_import = found["migration_id"] == str(self.record.migration_id)
                zh, en = (
                    (_SPLIT_LATE_ZH, _SPLIT_LATE_EN)
                    if this_import
                    else ("该户已迁移", "already migrated")
                )
                rejects += _refused(_rows_of(household), zh, en)
            rejects += await self._refuse_holders(raw, valid)
            unique = list({(r.row, r.field): r for r in rejects}.values())
            done = BatchDone(
                households=len(batch),
                rows=sum(len(rows) for rows in batch),
                imported=len(valid),
                rejected_households=len(batch) - len(valid),
                rejects=unique,
            )
            self.record = await progress.advance(raw, self.record, done, self.importer.clock.now())
            await store.append_many([append for _, append in valid.values()], conn)
        if self.on_progress:
            self.on_progress(self.record)

    async def _refuse_holders(
        self, raw: asyncpg.Connection, valid: dict[str, tuple[Household, StreamAppend]]
    ) -> list[Reject]:
        """Take out of `valid` the households a member of which holds (or applies for) the
        programme already: in a case, in a household imported before, or earlier in the batch
        (INT-9). The others' members are recorded as imported; the rejects."""
        residents = [m.resident_id for household, _ in valid.values() for m in household.members]
        await holders.lock_for_import(raw)
        found = await holders.holders(raw, residents)
        holding = {(resident, programme) for resident, programme, _ in found}
        rejects: list[Reject] = []
        placed: list[holders.Holder] = []
        for stream_id, (household, _) in list(valid.items()):
            members = {(m.resident_id, household.programme): m for m in household.members}
            if taken := [m for key, m in members.items() if key in holding]:
                del valid[stream_id]
                rejects += [_holds_programme(household, m.row) for m in taken]
                continue
            holding |= set(members)  # a later household of the batch
            case_id = case_id_of(household.division_code, household.ref)
            placed += [(resident, programme, case_id) for resident, programme in members]
        await holders.record(raw, placed)
        return rejects

    def _append(self, household: Household) -> StreamAppend:
        case_id = case_id_of(household.division_code, household.ref)
        marker = Migration(
            self.record.migration_id, self.record.source_sha256, household.first_row, household.ref
        )
        case = VerificationCase(VerificationCase.id_for(case_id, household.programme))
        case.migrate(
            _opened(case_id, household, marker), self._approved(case_id, household, marker)
        )
        reason = (
            f"历史数据迁移：原系统于{household.approved_on}审批"
            f" (migrated from the old system, approved {household.approved_on})"
        )
        metadata = EventMetadata(self.actor, self.channel, reason, case_id=case_id)
        occurred = datetime.combine(household.approved_on, time(0), CHINA)
        events: list[NewEvent] = [
            replace(self.importer.registry.serialize(e, metadata), occurred_at=occurred)
            for e in case.pending
        ]
        return StreamAppend(case.stream_id, events, 0)

    def _approved(self, case_id: str, household: Household, marker: Migration) -> CaseApproved:
        extreme = household.programme == "extreme_poverty"
        amount = household.monthly_amount_fen
        return CaseApproved(
            case_id=case_id,
            programme=household.programme,
            division_code=household.division_code,
            county_code=household.division_code[:6],
            registration=household.registration,
            household_size=len(household.members),
            members=tuple(
                ApprovedMember(
                    m.resident_id,
                    m.name,
                    m.relation,
                    self_care=cast("SelfCare | None", m.self_care if extreme else None),
                    disability_grade=m.disability_grade,
                )
                for m in household.members
            ),
            assessed_monthly_income_fen=household.assessed_monthly_income_fen,
            approved_monthly_amount_fen=amount or 0,
            rural_class=household.rural_class,
            effective_from=household.effective_from,
            next_review_due=household.next_review_due or self._next_review(household),
            bank_account=household.bank_account,
            bank_account_holder_resident_id=household.bank_account_holder_resident_id,
            amount_basis="override" if amount else "rule",
            override_reason=OVERRIDE_REASON if amount else None,
            overridden_by=self.actor.id if amount else None,
            care_arrangement=cast(
                "CareArrangement | None", household.care_arrangement if extreme else None
            ),
            migrated=marker,
        )

    def _next_review(self, household: Household) -> date:
        """The rule's next review after approval, rolled on to today or later, so that a whole
        caseload is not re-checked the day it arrives (docs/migration.md)."""
        due = next_review_due(household.registration, household.rural_class, household.approved_on)
        while due < self.today:
            due = next_review_due(household.registration, household.rural_class, due)
        return due


def _opened(case_id: str, household: Household, marker: Migration) -> CaseOpened:
    return CaseOpened(
        case_id=case_id,
        programme=household.programme,
        division_code=household.division_code,
        registration=household.registration,
        household_size=len(household.members),
        declared_monthly_income_fen=household.assessed_monthly_income_fen,
        authorisation_ref=f"migration:{household.ref}",
        members=tuple(
            Member(m.resident_id, m.name, m.relation, disability_grade=m.disability_grade)
            for m in household.members
        ),
        bank_account=household.bank_account,
        opened_on=household.approved_on,
        bank_account_holder_resident_id=household.bank_account_holder_resident_id,
        migrated=marker,
    )


def _split_households(batch: list[list[Row]]) -> set[tuple[str, str]]:
    """The households of the batch whose rows are not together (two groups or more)."""
    counted = Counter(_household_key(rows) for rows in batch)
    return {key for key, count in counted.items() if count > 1}


def _household_key(rows: list[Row]) -> tuple[str, str]:
    """A household's old number in its county (numbers repeat across counties)."""
    record = rows[0][1]
    return str(record.get("division_code") or "")[:6], str(record["household_ref"])


def _holds_programme(household: Household, row: int) -> Reject:
    return Reject(
        row,
        household.ref,
        "member_resident_id",
        f"该成员已在{household.programme}的其他案件中（在保或在办），不能重复纳入",
        f"the member already holds or applies for {household.programme} in another case",
    )


def _rows_of(household: Household) -> list[Row]:
    return [(m.row, {"household_ref": household.ref}) for m in household.members]


def _refused(rows: list[Row], zh: str, en: str) -> list[Reject]:
    return [
        Reject(number, record["household_ref"], "household_ref", zh, en) for number, record in rows
    ]
