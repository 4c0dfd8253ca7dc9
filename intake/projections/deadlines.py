"""Referrals and urgent cases with their deadlines: what is due, what is overdue."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

Handler = Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]


_INSTANTS = ("reported_at", "respond_by")
_DATES = ("received_on", "acknowledge_by", "verification_due")


def _params(event: RecordedEvent) -> dict[str, Any]:
    data: dict[str, Any] = dict(event.data)
    for key in _INSTANTS:
        if key in data:
            data[key] = datetime.fromisoformat(data[key])
    for key in _DATES:
        if data.get(key) is not None:
            data[key] = date.fromisoformat(data[key])
    data["version"] = event.stream_version
    if event.type.startswith("intake.Referral"):
        data["id"] = data["referral_id"]
    else:  # urgent-case events name their case `urgent_case_id` or, in the contracts, `case_id`
        data["id"] = data.get("urgent_case_id") or data["case_id"]
    return data


_URGENT_OPENED = """
INSERT INTO urgent_cases_view (urgent_case_id, version, division_code, reporter, status,
    reported_at, respond_by)
VALUES (:id, :version, :division_code, :reporter, 'open', :reported_at,
    :respond_by)
ON CONFLICT (urgent_case_id) DO NOTHING
"""
_REFERRAL_OPENED = """
INSERT INTO referrals_view (referral_id, version, first_office_division, to_agency, to_division,
    status, received_on, acknowledge_by)
VALUES (:id, :version, :first_office_division, :to_agency, :to_division, 'open',
    :received_on, :acknowledge_by)
ON CONFLICT (referral_id) DO NOTHING
"""
_URGENT = "UPDATE urgent_cases_view SET version = :version, {} WHERE urgent_case_id = :id"
_REFERRAL = "UPDATE referrals_view SET version = :version, {} WHERE referral_id = :id"

_STATEMENTS = {
    "intake.ReferralOpened": _REFERRAL_OPENED,
    "intake.ReferralAcknowledged": _REFERRAL.format("status = 'acknowledged'"),
    "intake.ReferralOverdue": _REFERRAL.format("overdue = true"),
    "intake.UrgentCaseOpened": _URGENT_OPENED,
    "intake.UrgentCaseResponded": _URGENT.format("status = 'responded'"),
    "intake.UrgentCaseOverdue": _URGENT.format("overdue = true"),
    "intake.PriorAssistanceGranted": _URGENT.format(
        "prior_assistance_fen = prior_assistance_fen + :amount_fen"
    ),
    "intake.FollowUpApplicationFiled": _URGENT.format(
        "follow_up_application_id = :application_id, verification_due = :verification_due"
    ),
    "intake.CharityReferred": _URGENT.format("status = status"),
    "intake.CharityHelpRecorded": _URGENT.format(
        "charity_help_fen = charity_help_fen + :amount_fen"
    ),
}


class DeadlinesView(Projection):
    """referrals_view + urgent_cases_view ← referral and urgent-case events."""

    name = "intake.deadlines_view"
    tables = ("referrals_view", "urgent_cases_view")
    handles = frozenset(_STATEMENTS)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Run the event's statement."""
        await conn.execute(text(_STATEMENTS[event.type]), _params(event))
