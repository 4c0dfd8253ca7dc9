"""The cases read model: one row per verification case (application × programme)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import type_name_of
from shared.projections.runner import Projection
from verification.domain.events import PUBLISHED

STAGE_AFTER = {
    "verification.EconomicVerificationCompleted": "'investigation'",
    "verification.InvestigationRecorded": (
        "CASE WHEN stage = 'recheck' THEN stage_before_recheck ELSE 'township_review' END"
    ),
    "verification.ProposalSubmitted": "'proposed'",
    "verification.BatchAssigned": "'in_batch'",
    "verification.NoticePublished": "'notice'",
    "verification.ObjectionRaised": "'investigation'",
    "verification.CaseApproved": "'approved'",
    "verification.CaseRejected": "'rejected'",
    "verification.BenefitSuspended": "'suspended'",
    "verification.BenefitTerminated": "'terminated'",
    "verification.RecheckOpened": "'recheck'",
    "verification.CaseWithdrawn": "'withdrawn'",
    "verification.DeathReported": ("CASE WHEN :p_review THEN 'termination_review' ELSE stage END"),
}
# Other columns each event sets: column → key of the event's data (or a SQL expression).
COLUMNS: dict[str, dict[str, str]] = {
    "verification.EconomicVerificationCompleted": {
        "assessed_income_fen": "assessed_monthly_income_fen",
        "follow_up": "=false",
    },
    "verification.ManualFollowUpRequired": {"follow_up": "=true"},
    "verification.ProposalSubmitted": {
        "proposed_on": "submitted_on",
        "proposed_amount_fen": "proposed_monthly_amount_fen",
    },
    "verification.BatchAssigned": {"batch_id": "batch_id"},
    "verification.NoticePublished": {
        "notice_ends": "period_ends_on",
        "village_code": "village_code",
    },
    "verification.ObjectionRaised": {"batch_id": "=NULL", "notice_ends": "=NULL"},
    "verification.CaseApproved": {
        "approved_amount_fen": "approved_monthly_amount_fen",
        "next_review_due": "next_review_due",
    },
    "verification.BenefitAdjusted": {"approved_amount_fen": "approved_monthly_amount_fen"},
    "verification.DeadlineExtended": {"extended": "=true"},
    "verification.VerificationDueSet": {"decide_by": "due_on"},
    "verification.RecheckOpened": {"stage_before_recheck": "=stage"},
    "verification.ReviewScheduled": {"next_review_due": "next_review_due"},
    "verification.CaseOverdue": {"overdue": "=array_append(overdue, :p_clock)"},
}
DATE_KEYS = {"submitted_on", "period_ends_on", "next_review_due", "due_on"}


def _about_a_case(event_class: type) -> bool:
    return {"case_id", "programme"} <= {f.name for f in dataclasses.fields(event_class)}


# every event about one case moves its row's version (the ETag), whether or not it sets a column
CASE_EVENTS = frozenset(type_name_of(cls) for cls in PUBLISHED if _about_a_case(cls))


class CasesView(Projection):
    """cases_view ← every verification event about a case."""

    name = "verification.cases_view"
    tables = ("cases_view",)
    handles = CASE_EVENTS

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Insert on CaseOpened; otherwise update stage, version and the event's columns."""
        if event.type == "verification.CaseOpened":
            await _insert(event, conn)
            return
        data = event.data
        if "case_id" not in data or "programme" not in data:
            return
        sets = ["version = :version", "updated_at = :at"]
        params: dict[str, Any] = {
            "version": event.stream_version,
            "at": event.recorded_at,
            "case_id": data["case_id"],
            "programme": data["programme"],
            "p_clock": data.get("clock"),
            "p_review": bool(data.get("opens_termination_review")),
        }
        if event.type in STAGE_AFTER:
            sets.append(f"stage = {STAGE_AFTER[event.type]}")
        for column, key in COLUMNS.get(event.type, {}).items():
            if key.startswith("="):
                sets.append(f"{column} {key}")
                continue
            value = data[key]
            params[f"p_{column}"] = _date(value) if key in DATE_KEYS and value else value
            sets.append(f"{column} = :p_{column}")
        await conn.execute(
            text(
                f"UPDATE cases_view SET {', '.join(sets)}"
                " WHERE case_id = :case_id AND programme = :programme"
            ),
            params,
        )


def _date(value: str) -> date:
    return date.fromisoformat(value)


async def _insert(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    members = [{"name": m["name"], "relation": m["relation"]} for m in data.get("members", [])]
    opened_on = data.get("opened_on")
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
            "opened_on": _date(opened_on) if opened_on else event.recorded_at.date(),
            "members": json.dumps(members, ensure_ascii=False),
        },
    )
