"""Recording a visit: the campaign checks it, its needs become referrals or an application.

One unit of work: the application (through the one-door submission, INT-4/9), the referrals
(INT-5, each with its acknowledgement deadline) and the visit are appended together, or nothing is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from intake.application.referrals import ReferralRequest, open_referral
from intake.application.submit import SubmitApplication, new_application_id, submit_application
from intake.domain.application import Application
from intake.domain.handed_in import HandedIn
from intake.domain.outreach import Arrangement, HouseholdVisited, NeedFound, Visit, VisitCampaign
from intake.domain.referral import Referral
from intake.domain.urgent import UrgentCase
from intake.policy import IntakePolicy
from intake.schemas_outreach import NeedApplied, NeedMetOnSite, NeedReferred, VisitCreate
from shared.application.repository import Repository
from shared.db import Connection
from shared.domain.errors import DomainError
from shared.eventstore.envelope import EventMetadata


@dataclass(frozen=True)
class Outreach:
    """The repositories a visit writes to."""

    campaigns: Repository[VisitCampaign]
    visits: Repository[Visit]
    referrals: Repository[Referral]
    applications: Repository[Application]
    hand_ins: Repository[HandedIn]  # an application may complete a hand-in (INT-3)
    urgent_cases: Repository[UrgentCase]  # … or follow up an urgent case (INT-7)


@dataclass(frozen=True)
class RecordVisit:
    """Record a visit of a campaign by an office (its division and organisation)."""

    campaign_id: str
    request: VisitCreate
    metadata: EventMetadata  # the visitor's, naming the visit as the case
    office_division: str
    office_org: str
    today: date
    visit_id: str


@dataclass
class Arranged:
    """What a visit's needs open, not yet written: referrals and at most one application."""

    needs: list[NeedFound] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    application: SubmitApplication | None = None
    application_need: int = 0  # the index of the need it answers


def arrange(cmd: RecordVisit, policy: IntakePolicy, outreach: Outreach) -> Arranged:
    """The referrals and the application the needs call for, each with its new id."""
    arranged = Arranged()
    for index, need in enumerate(cmd.request.needs):
        if isinstance(need, NeedMetOnSite):
            found = NeedFound(need.need, Arrangement.ON_SITE, help=need.help)
        elif isinstance(need, NeedReferred):
            referral = _referral(cmd, need, policy)
            arranged.referrals.append(referral)
            found = NeedFound(need.need, Arrangement.REFERRAL, referral_id=referral.id)
        else:
            arranged.application = _application(cmd, need, outreach)
            arranged.application_need = index
            application_id = arranged.application.application_id
            found = NeedFound(need.need, Arrangement.APPLICATION, application_id=application_id)
        arranged.needs.append(found)
    return arranged


async def record_visit(
    cmd: RecordVisit,
    campaign: VisitCampaign,
    arranged: Arranged,
    outreach: Outreach,
    conn: Connection,
) -> HouseholdVisited:
    """Check the visit against its campaign, then append the application, referrals and visit."""
    request = cmd.request
    visit = campaign.visit(
        HouseholdVisited(
            visit_id=cmd.visit_id,
            campaign_id=campaign.id,
            division_code=campaign.details.division_code,
            group=request.group,
            resident_id=request.resident_id,
            visited_on=request.visited_on,
            needs=tuple(arranged.needs),
            help_given=request.help_given,
        ),
        cmd.today,
    )
    if arranged.application is not None:
        where = f"needs.{arranged.application_need}.application"
        residence = arranged.application.request.division_code
        campaign.ensure_in_township(residence, f"{where}.division_code")
        with fields_within(where):
            await submit_application(arranged.application, outreach.applications, conn)
    for referral in arranged.referrals:
        await outreach.referrals.save(referral, cmd.metadata, conn, expected_version=0)
    await outreach.visits.save(visit, cmd.metadata, conn, expected_version=0)
    assert visit.visited is not None
    return visit.visited


@contextmanager
def fields_within(where: str) -> Iterator[None]:
    """A refusal of the application a need carries names its field by the path in the visit
    (`members.0.resident_id` → `needs.1.application.members.0.resident_id`, GEN-8)."""
    try:
        yield
    except DomainError as refused:
        field = refused.extensions.get("field")
        if isinstance(field, str):
            nested = f"{where}.{field}"
            refused.extensions["field"] = nested
            refused.detail_en = refused.detail_en.replace(field, nested, 1)
            refused.detail_zh = refused.detail_zh.replace(field, nested, 1)
        raise


def _referral(cmd: RecordVisit, need: NeedReferred, policy: IntakePolicy) -> Referral:
    request = ReferralRequest(
        to_agency=need.to_agency,
        to_division=need.to_division,
        need=need.need,
        subject_resident_id=cmd.request.resident_id,
        case_id=cmd.visit_id,
    )
    return open_referral(request, cmd.office_division, cmd.office_org, cmd.today, policy)


def _application(cmd: RecordVisit, need: NeedApplied, outreach: Outreach) -> SubmitApplication:
    application_id = new_application_id()
    return SubmitApplication(
        need.application,
        replace(cmd.metadata, case_id=application_id),
        application_id,
        cmd.today,
        outreach.hand_ins,
        outreach.urgent_cases,
    )
