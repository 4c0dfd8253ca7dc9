"""Referrals and urgent cases with their deadlines: what is due, what is overdue."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler


async def _referral_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        text(
            """
            INSERT INTO referrals_view (referral_id, version, first_office_division, to_agency,
                to_division, status, received_on, acknowledge_by)
            VALUES (:id, :version, :first_office_division, :to_agency, :to_division, 'open',
                :received_on, :acknowledge_by)
            ON CONFLICT (referral_id) DO NOTHING
            """
        ),
        {
            **_referral(event),
            "first_office_division": data["first_office_division"],
            "to_agency": data["to_agency"],
            "to_division": data["to_division"],
            "received_on": date.fromisoformat(data["received_on"]),
            "acknowledge_by": date.fromisoformat(data["acknowledge_by"]),
        },
    )


async def _referral_acknowledged(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE referrals_view SET version = :version, status = 'acknowledged'"
            " WHERE referral_id = :id"
        ),
        _referral(event),
    )


async def _referral_overdue(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE referrals_view SET version = :version, overdue = true WHERE referral_id = :id"
        ),
        _referral(event),
    )


async def _urgent_case_opened(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        text(
            """
            INSERT INTO urgent_cases_view (urgent_case_id, version, division_code, reporter,
                status, reported_at, respond_by)
            VALUES (:id, :version, :division_code, :reporter, 'open', :reported_at, :respond_by)
            ON CONFLICT (urgent_case_id) DO NOTHING
            """
        ),
        {
            **_urgent(event, "urgent_case_id"),
            "division_code": data["division_code"],
            "reporter": data["reporter"],
            "reported_at": datetime.fromisoformat(data["reported_at"]),
            "respond_by": datetime.fromisoformat(data["respond_by"]),
        },
    )


async def _urgent_case_responded(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE urgent_cases_view SET version = :version, status = 'responded'"
            " WHERE urgent_case_id = :id"
        ),
        _urgent(event, "urgent_case_id"),
    )


async def _urgent_case_overdue(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE urgent_cases_view SET version = :version, overdue = true"
            " WHERE urgent_case_id = :id"
        ),
        _urgent(event, "urgent_case_id"),
    )


async def _prior_assistance_granted(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE urgent_cases_view SET version = :version,"
            " prior_assistance_fen = prior_assistance_fen + :amount_fen WHERE urgent_case_id = :id"
        ),
        {**_urgent(event, "case_id"), "amount_fen": event.data["amount_fen"]},
    )


async def _follow_up_application_filed(event: RecordedEvent, conn: AsyncConnection) -> None:
    due = event.data["verification_due"]
    await conn.execute(
        text(
            "UPDATE urgent_cases_view SET version = :version,"
            " follow_up_application_id = :application_id, verification_due = :verification_due"
            " WHERE urgent_case_id = :id"
        ),
        {
            **_urgent(event, "urgent_case_id"),
            "application_id": event.data["application_id"],
            "verification_due": date.fromisoformat(due) if due is not None else None,
        },
    )


async def _charity_referred(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text("UPDATE urgent_cases_view SET version = :version WHERE urgent_case_id = :id"),
        _urgent(event, "case_id"),
    )


async def _charity_help_recorded(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(
        text(
            "UPDATE urgent_cases_view SET version = :version,"
            " charity_help_fen = charity_help_fen + :amount_fen WHERE urgent_case_id = :id"
        ),
        {**_urgent(event, "case_id"), "amount_fen": event.data["amount_fen"]},
    )


def _referral(event: RecordedEvent) -> dict[str, Any]:
    """The referral's row key and the version the event brings it to."""
    return {"id": event.data["referral_id"], "version": event.stream_version}


def _urgent(event: RecordedEvent, id_field: str) -> dict[str, Any]:
    """The urgent case's row key (its events name it `urgent_case_id` or, in the contracts,
    `case_id`) and the version the event brings it to."""
    return {"id": event.data[id_field], "version": event.stream_version}


class DeadlinesView(Projection):
    """referrals_view + urgent_cases_view ← referral and urgent-case events."""

    name = "intake.deadlines_view"
    tables = ("referrals_view", "urgent_cases_view")
    handlers: Mapping[str, ProjectionHandler] = {
        "intake.ReferralOpened": _referral_opened,
        "intake.ReferralAcknowledged": _referral_acknowledged,
        "intake.ReferralOverdue": _referral_overdue,
        "intake.UrgentCaseOpened": _urgent_case_opened,
        "intake.UrgentCaseResponded": _urgent_case_responded,
        "intake.UrgentCaseOverdue": _urgent_case_overdue,
        "intake.PriorAssistanceGranted": _prior_assistance_granted,
        "intake.FollowUpApplicationFiled": _follow_up_application_filed,
        "intake.CharityReferred": _charity_referred,
        "intake.CharityHelpRecorded": _charity_help_recorded,
    }
