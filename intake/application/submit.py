"""Submitting an application: build the event from the request, guard, append."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from intake.adapters import registry as claims
from intake.domain.application import (
    Application,
    ApplicationSubmitted,
    Authorisation,
    BankAccountHolder,
    Member,
    Relation,
    SubmissionChannel,
)
from intake.domain.application_events import StaffRelativeDeclared
from intake.domain.duplicates import HouseholdConflictFlagged, MemberInAnotherHousehold
from intake.domain.handed_in import HandedIn, HandInNotAcceptable
from intake.domain.urgent import UrgentCase
from intake.schemas import ApplicationCreate
from shared.application.repository import Repository
from shared.db import Connection
from shared.domain.errors import NotFound
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore


@dataclass(frozen=True)
class SubmitApplication:
    """Register a household's application for one or more programmes."""

    request: ApplicationCreate
    metadata: EventMetadata
    application_id: str
    today: date  # from the service's clock: the authorisation's date is checked against it
    hand_ins: Repository[HandedIn] | None = None
    urgent_cases: Repository[UrgentCase] | None = None


def new_application_id() -> str:
    """A fresh case id."""
    return str(uuid.uuid4())


async def submit_application(
    cmd: SubmitApplication, repository: Repository[Application], conn: Connection
) -> list[RecordedEvent]:
    """Register the application, claim its members and programmes (INT-9), append its events."""
    application = Application(cmd.application_id)
    urgent = await _urgent_case_followed(cmd, conn)
    submitted = _event_from(cmd, urgent)
    application.submit(submitted, cmd.today, _declarations(cmd), cmd.request.programme_details)
    residents = [m.resident_id for m in submitted.members]
    await claims.claim(
        conn,
        cmd.application_id,
        submitted.division_code,
        _head_of(submitted),
        residents,
        [str(p) for p in submitted.programmes],
    )
    recorded = await repository.save(application, cmd.metadata, conn, expected_version=0)
    if cmd.request.handed_in_id:
        await _accept_hand_in(cmd, _head_of(submitted), conn)
    if urgent is not None:
        assert cmd.urgent_cases is not None
        await cmd.urgent_cases.save(urgent, cmd.metadata, conn)
    return recorded


async def _urgent_case_followed(cmd: SubmitApplication, conn: Connection) -> UrgentCase | None:
    """INT-7: the urgent case the application follows up, with the link recorded on it."""
    urgent_case_id = cmd.request.urgent_case_id
    if urgent_case_id is None:
        return None
    assert cmd.urgent_cases is not None
    urgent = await cmd.urgent_cases.find(urgent_case_id, conn)
    township = cmd.request.division_code[:9]
    if urgent is None or urgent.opened is None or urgent.opened.division_code[:9] != township:
        raise NotFound(
            f"urgent case {urgent_case_id} not found in township {township}",
            f"本乡镇（街道）未找到急难个案 {urgent_case_id}",
            field="urgent_case_id",
        )
    urgent.file_follow_up(cmd.application_id)
    return urgent


async def _accept_hand_in(cmd: SubmitApplication, head: str, conn: Connection) -> None:
    assert cmd.hand_ins is not None and cmd.request.handed_in_id is not None
    hand_in = await cmd.hand_ins.find(cmd.request.handed_in_id, conn) or HandedIn(
        cmd.request.handed_in_id
    )
    if hand_in.handed_in and hand_in.handed_in.division_code != cmd.request.division_code:
        raise HandInNotAcceptable(
            "the hand-in was made for another division of residence",
            "代为提交记录的居住地与本申请不符",
            field="handed_in_id",
        )
    hand_in.accept(cmd.application_id, head)
    await cmd.hand_ins.save(hand_in, cmd.metadata, conn)


async def flag_household_conflict(
    store: EventStore,
    registry: EventRegistry,
    conflict: MemberInAnotherHousehold,
    cmd: SubmitApplication,
) -> None:
    """Record, apart from the refused submission, that an ID was offered for a second household."""
    existing = conflict.existing_application_id
    flag = HouseholdConflictFlagged(
        flag_id=str(uuid.uuid4()),
        resident_id=cmd.request.members[conflict.member_index].resident_id,
        existing_application_id=existing,
        existing_division_code=await _division_of(store, existing),
        attempted_division_code=cmd.request.division_code,
    )
    metadata = EventMetadata(
        actor=cmd.metadata.actor,
        channel=cmd.metadata.channel,
        reason="同一身份证号出现在两个家庭 (one ID offered for two households)",
        correlation_id=cmd.metadata.correlation_id,
        case_id=existing,
    )
    await store.append(f"household-flag-{flag.flag_id}", [registry.serialize(flag, metadata)], 0)


async def _division_of(store: EventStore, application_id: str) -> str:
    recorded = await store.read_stream(Application.stream_id_for(application_id))
    return str(recorded[0].data["division_code"]) if recorded else ""


def _head_of(submitted: ApplicationSubmitted) -> str:
    return next(m.resident_id for m in submitted.members if m.relation == Relation.SELF)


def _declarations(cmd: SubmitApplication) -> tuple[StaffRelativeDeclared, ...]:
    return tuple(
        StaffRelativeDeclared(
            application_id=cmd.application_id,
            division_code=cmd.request.division_code,
            **d.model_dump(),
        )
        for d in cmd.request.staff_relatives
    )


def _event_from(cmd: SubmitApplication, urgent: UrgentCase | None) -> ApplicationSubmitted:
    body = cmd.request
    first_grant = urgent.grants[0] if urgent is not None and urgent.grants else None
    return ApplicationSubmitted(
        application_id=cmd.application_id,
        division_code=body.division_code,
        registration=body.registration,
        programmes=tuple(body.programmes),
        members=tuple(Member(**m.model_dump()) for m in body.members),  # validated IDs
        declared_monthly_income_fen=body.declared_monthly_income_fen,
        declared_assets_fen=body.declared_assets_fen,
        authorisation=Authorisation(**body.authorisation.model_dump()),
        channel=(
            SubmissionChannel.ASSISTED_BY_VILLAGE_COMMITTEE if body.handed_in_id else body.channel
        ),
        bank_account=body.bank_account,
        bank_account_holder=(
            BankAccountHolder(**body.bank_account_holder.model_dump())
            if body.bank_account_holder
            else None
        ),
        urgent_case_id=urgent.id if urgent is not None else None,
        verification_due=first_grant.verification_due if first_grant else None,
        prior_assistance_programme=str(first_grant.programme) if first_grant else None,
    )
