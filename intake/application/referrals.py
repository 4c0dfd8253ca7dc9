"""Opening a referral (首问负责制、转介, INT-5): one way for every office and every visit."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from intake.domain.programmes import Agency
from intake.domain.referral import Referral, ReferralOpened
from intake.policy import IntakePolicy
from shared.workcalendar.book import calendar_version


@dataclass(frozen=True)
class ReferralRequest:
    """What the first office refers, to whom, about whom."""

    to_agency: Agency
    to_division: str
    need: str
    subject_resident_id: str | None = None
    case_id: str | None = None


def open_referral(
    request: ReferralRequest,
    first_office_division: str,
    first_office_org: str,
    received_on: date,
    policy: IntakePolicy,
    referral_id: str | None = None,
) -> Referral:
    """A new referral whose receiver must acknowledge within the policy's working days."""
    acknowledge_by = policy.calendar.add_working_days(
        received_on, policy.referral_acknowledge_working_days
    )
    referral = Referral(referral_id or str(uuid.uuid4()))
    referral.open(
        ReferralOpened(
            referral_id=referral.id,
            case_id=request.case_id,
            first_office_division=first_office_division,
            first_office_org=first_office_org,
            to_agency=request.to_agency,
            to_division=request.to_division,
            division_code=request.to_division,
            need=request.need,
            subject_resident_id=request.subject_resident_id,
            received_on=received_on,
            acknowledge_by=acknowledge_by,
            calendar_version=calendar_version(policy.calendar, received_on, acknowledge_by),
        )
    )
    return referral
