"""The green channel (先行救助, INT-7): prior assistance before verification, within the cap.

What the grant needs beside the urgent case's stream is read in the command's unit of work: the
county's urban dibao standard in force (as payments published it) and the registry of the month's
grants, which makes a second grant of a programme to a person impossible across urgent cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters.green_channel import claim_prior_grant, urban_standard_in_force
from intake.domain.urgent import (
    Grant,
    UrgentCase,
    ensure_not_granted_elsewhere,
    standard_for_cap,
)
from intake.domain.urgent_events import FollowUpProgramme, PriorAssistanceGranted, PriorProgramme
from intake.policy import IntakePolicy


@dataclass(frozen=True)
class PriorAssistance:
    """What the township grants, to whom, for how many persons."""

    programme: PriorProgramme
    amount_fen: int
    resident_id: str
    persons: int
    bank_account: str | None
    payee_name: str | None
    follow_up_programmes: tuple[FollowUpProgramme, ...]


async def grant_prior_assistance(
    case: UrgentCase,
    grant: PriorAssistance,
    policy: IntakePolicy,
    today: date,
    conn: AsyncConnection,
) -> None:
    """Grant within 3 × the county's standard in force per person of the household covered, net
    of earlier aid, once per person, programme and month; verification is due the policy's
    working days after it."""
    county = case.division_code[:6]
    standard = standard_for_cap(await urban_standard_in_force(conn, county, today), county, today)
    month = today.strftime("%Y-%m")
    held_by = await claim_prior_grant(conn, grant.resident_id, grant.programme, month, case.id)
    ensure_not_granted_elsewhere(held_by, grant.programme, month)
    cap = policy.prior_assistance_cap(standard, grant.persons)
    case.grant_prior_assistance(Grant(_granted(case, grant, policy, today, cap), cap))


def _granted(
    case: UrgentCase, grant: PriorAssistance, policy: IntakePolicy, today: date, cap: int
) -> PriorAssistanceGranted:
    return PriorAssistanceGranted(
        case_id=case.id,
        programme=grant.programme,
        amount_fen=grant.amount_fen,
        division_code=case.division_code,
        resident_id=grant.resident_id,
        bank_account=grant.bank_account,
        verification_due=policy.calendar.add_working_days(
            today, policy.follow_up_verification_working_days
        ),
        follow_up_programmes=grant.follow_up_programmes,
        persons=grant.persons,
        granted_on=today,
        cap_fen=cap,
        follow_up_application_id=(
            case.follow_up.application_id if case.follow_up is not None else None
        ),
        payee_name=grant.payee_name,
    )
