"""The cases read model: one row per verification case (application × programme).

Every event about a case moves its row's version (the ETag) and `updated_at`; an event that moves
the case to another stage, or sets another column, has its own handler saying how.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import type_name_of
from shared.projections.runner import Projection, ProjectionHandler
from verification.domain.events import PUBLISHED


def _about_a_case(event_class: type) -> bool:
    return {"case_id", "programme"} <= {f.name for f in dataclasses.fields(event_class)}


# every event about one case moves its row's version (the ETag), whether or not it sets a column
CASE_EVENTS = frozenset(type_name_of(cls) for cls in PUBLISHED if _about_a_case(cls))


async def _case_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    """The case's row, at economic verification (a replayed opening only moves the version)."""
    data = event.data
    members = [
        {"name": m["name"], "relation": m["relation"], "resident_id": m["resident_id"]}
        for m in data.get("members", [])
    ]  # the resident ID only to mark a member reported dead; the notice shows names
    await conn.execute(
        text(
            """
            INSERT INTO cases_view (case_id, programme, version, division_code, stage,
                household_size, opened_at, opened_on, members, updated_at)
            VALUES (:case_id, :programme, :version, :division, 'economic_verification',
                :size, :at, :opened_on, CAST(:members AS jsonb), :at)
            ON CONFLICT (case_id, programme) DO UPDATE SET version = EXCLUDED.version
            """
        ),
        {
            "case_id": data["case_id"],
            "programme": data["programme"],
            "version": event.stream_version,
            "division": data["division_code"],
            "size": data["household_size"],
            "at": event.recorded_at,
            "opened_on": _day(data.get("opened_on")) or event.recorded_at.date(),
            "members": json.dumps(members, ensure_ascii=False),
        },
    )


async def _update_case(
    event: RecordedEvent, conn: AsyncConnection, changes: str = "", **values: object
) -> None:
    """Move the case's row to the event's version, with the event's own `changes` (SET items
    naming `values` as bind parameters)."""
    sets = ", ".join(filter(None, ["version = :version, updated_at = :at", changes]))
    await conn.execute(
        text(f"UPDATE cases_view SET {sets} WHERE case_id = :case_id AND programme = :programme"),
        {
            "version": event.stream_version,
            "at": event.recorded_at,
            "case_id": event.data["case_id"],
            "programme": event.data["programme"],
            **values,
        },
    )


async def _case_touched(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Any other event about the case: only its version moves."""
    await _update_case(event, conn)


async def _follow_up_required(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "follow_up = true")


async def _economic_verification_completed(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "stage = 'investigation', assessed_income_fen = :income, follow_up = false",
        income=event.data["assessed_monthly_income_fen"],
    )


async def _investigation_recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Back to the stage a re-check interrupted; otherwise on to the township's review."""
    await _update_case(
        event,
        conn,
        "stage = CASE WHEN stage = 'recheck' THEN stage_before_recheck ELSE 'township_review' END",
    )


async def _proposal_submitted(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "stage = 'proposed', proposed_on = :on, proposed_amount_fen = :amount",
        on=_day(event.data["submitted_on"]),
        amount=event.data["proposed_monthly_amount_fen"],
    )


async def _batch_assigned(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event, conn, "stage = 'in_batch', batch_id = :batch", batch=event.data["batch_id"]
    )


async def _notice_published(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "stage = 'notice', notice_ends = :ends, village_code = :village",
        ends=_day(event.data["period_ends_on"]),
        village=event.data["village_code"],
    )


async def _objection_raised(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Back to investigation, out of its batch and off the notice board."""
    await _update_case(event, conn, "stage = 'investigation', batch_id = NULL, notice_ends = NULL")


async def _case_approved(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "stage = 'approved', approved_amount_fen = :amount, next_review_due = :review",
        amount=event.data["approved_monthly_amount_fen"],
        review=_day(event.data["next_review_due"]),
    )


async def _case_rejected(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "stage = 'rejected'")


async def _benefit_adjusted(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "approved_amount_fen = :amount",
        amount=event.data["approved_monthly_amount_fen"],
    )


async def _benefit_resumed(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event,
        conn,
        "stage = 'approved', approved_amount_fen = coalesce(:amount, approved_amount_fen)",
        amount=event.data["approved_monthly_amount_fen"],
    )


async def _benefit_suspended(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Suspended; a re-check under way goes on and ends at the suspension."""
    await _update_case(
        event,
        conn,
        "stage_before_recheck = CASE WHEN stage = 'recheck' THEN 'suspended'"
        " ELSE stage_before_recheck END,"
        " stage = CASE WHEN stage = 'recheck' THEN stage ELSE 'suspended' END",
    )


async def _benefit_terminated(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "stage = 'terminated'")


async def _recheck_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    """Into re-check, remembering the stage it interrupted."""
    await _update_case(event, conn, "stage = 'recheck', stage_before_recheck = stage")


async def _case_overdue(event: RecordedEvent, conn: AsyncConnection) -> None:
    """One more clock ran out (the deadline watcher raises each once)."""
    await _update_case(
        event, conn, "overdue = array_append(overdue, :clock)", clock=event.data["clock"]
    )


async def _deadline_extended(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "extended = true")


async def _case_withdrawn(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "stage = 'withdrawn'")


async def _verification_due_set(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(event, conn, "decide_by = :due", due=_day(event.data["due_on"]))


async def _review_scheduled(event: RecordedEvent, conn: AsyncConnection) -> None:
    await _update_case(
        event, conn, "next_review_due = :review", review=_day(event.data["next_review_due"])
    )


async def _death_reported(event: RecordedEvent, conn: AsyncConnection) -> None:
    """A running benefit goes to the county's termination review; other stages stay. The member
    is marked deceased (the notice lists the members alive)."""
    await _update_case(
        event,
        conn,
        "stage = CASE WHEN :review THEN 'termination_review' ELSE stage END,"
        " members = (SELECT coalesce(jsonb_agg(CASE WHEN m->>'resident_id' = :resident"
        " THEN m || '{\"deceased\": true}'::jsonb ELSE m END ORDER BY n), '[]'::jsonb)"
        " FROM jsonb_array_elements(members) WITH ORDINALITY AS t(m, n))",
        review=bool(event.data.get("opens_termination_review")),
        resident=event.data["resident_id"],
    )


class CasesView(Projection):
    """cases_view ← every verification event about a case."""

    name = "verification.cases_view"
    tables = ("cases_view",)
    handlers: Mapping[str, ProjectionHandler] = {
        **dict.fromkeys(CASE_EVENTS, _case_touched),  # then the events that change more:
        "verification.CaseOpened": _case_opened,
        "verification.ManualFollowUpRequired": _follow_up_required,
        "verification.EconomicVerificationCompleted": _economic_verification_completed,
        "verification.InvestigationRecorded": _investigation_recorded,
        "verification.ProposalSubmitted": _proposal_submitted,
        "verification.BatchAssigned": _batch_assigned,
        "verification.NoticePublished": _notice_published,
        "verification.ObjectionRaised": _objection_raised,
        "verification.CaseApproved": _case_approved,
        "verification.CaseRejected": _case_rejected,
        "verification.BenefitAdjusted": _benefit_adjusted,
        "verification.BenefitSuspended": _benefit_suspended,
        "verification.BenefitResumed": _benefit_resumed,
        "verification.BenefitTerminated": _benefit_terminated,
        "verification.RecheckOpened": _recheck_opened,
        "verification.CaseOverdue": _case_overdue,
        "verification.DeadlineExtended": _deadline_extended,
        "verification.CaseWithdrawn": _case_withdrawn,
        "verification.VerificationDueSet": _verification_due_set,
        "verification.ReviewScheduled": _review_scheduled,
        "verification.DeathReported": _death_reported,
    }


def _day(value: str | None) -> date | None:
    """An ISO date of the event's data; None stays None."""
    return date.fromisoformat(value) if value else None
