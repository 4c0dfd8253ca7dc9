"""Urgent reports (INT-6), the green channel (INT-7) and charity referral (INT-8)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from intake.application.prior_assistance import PriorAssistance
from intake.application.prior_assistance import grant_prior_assistance as grant_in_channel
from intake.domain.urgent import UrgentCase
from intake.domain.urgent_events import CharityHelpRecorded, CharityReferred, UrgentCaseOpened
from intake.entrypoints.common import Accepted
from intake.entrypoints.wiring import Policy, UrgentCases
from intake.schemas import CommandAccepted
from intake.schemas_cases import (
    CharityHelpCreate,
    CharityReferralCreate,
    PriorAssistanceCreate,
    UrgentCaseRead,
    UrgentReportCreate,
    UrgentResponse,
)
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Authorise, Command, CommandRequest, change, create, in_jurisdiction
from shared.http.openapi import sends
from shared.http.problems import problem_responses
from shared.http.wiring import ServiceClock, Today

router = APIRouter(prefix="/v1", tags=["urgent cases 急难救助"])
_COMMANDS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


@router.post(
    "/urgent-reports",
    status_code=201,
    response_model=UrgentCaseRead,
    summary="急难情况报告 Report a person in urgent difficulty",
    responses={**problem_responses(400, 401, 403, 422), **sends(201, "Location")},
)
async def report_urgent_case(
    body: UrgentReportCreate,
    cases: UrgentCases,
    policy: Policy,
    clock: ServiceClock,
    command: Command,
) -> JSONResponse:
    """Open an urgent case with its response deadline (default 24 h)."""
    ensure_jurisdiction(command.principal, body.division_code)
    now = clock.now()
    case = UrgentCase(str(uuid.uuid4()))
    case.open(
        UrgentCaseOpened(
            urgent_case_id=case.id,
            reported_at=now,
            respond_by=now + policy.urgent_response,
            **body.model_dump(),
        )
    )
    return await create(
        command,
        cases,
        case,
        reason="主动发现报告急难情况",
        answer=_opened_read,
        location=f"/v1/urgent-cases/{case.id}",
    )


@router.post(
    "/urgent-cases/{case_id}/response",
    response_model=CommandAccepted,
    summary="响应急难个案 Respond to an urgent case (If-Match)",
    responses=_COMMANDS,
)
async def respond_to_urgent_case(
    case_id: str,
    body: UrgentResponse,
    cases: UrgentCases,
    clock: ServiceClock,
    command: Command,
) -> JSONResponse:
    """The township responds; a response after the deadline is recorded as late."""
    now = clock.now()
    accepted = Accepted[UrgentCase](lambda case, _: case.respond(now, body.response))
    return await _change(command, cases, case_id, body.response, accepted)


@router.post(
    "/urgent-cases/{case_id}/prior-assistance",
    response_model=CommandAccepted,
    summary="先行救助 Grant assistance before verification (If-Match)",
    responses=_COMMANDS,
)
async def grant_prior_assistance(
    case_id: str,
    body: PriorAssistanceCreate,
    cases: UrgentCases,
    policy: Policy,
    today: Today,
    command: Command,
) -> JSONResponse:
    """Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person covered, net of earlier aid; 422 `persons-beyond-household`
    when `persons` exceeds the household reported; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7)."""
    grant = PriorAssistance(
        programme=body.programme,
        amount_fen=body.amount_fen,
        resident_id=body.resident_id,
        persons=body.persons,
        bank_account=body.bank_account,
        payee_name=body.payee_name,
        follow_up_programmes=tuple(body.follow_up_programmes),
    )
    accepted = Accepted[UrgentCase](
        lambda case, conn: grant_in_channel(case, grant, policy, today, conn)
    )
    return await _change(command, cases, case_id, body.reason, accepted)


@router.post(
    "/urgent-cases/{case_id}/charity-referrals",
    response_model=CommandAccepted,
    summary="转介慈善组织 Refer the case to a registered charity (If-Match)",
    responses=_COMMANDS,
)
async def refer_case_to_charity(
    case_id: str,
    body: CharityReferralCreate,
    cases: UrgentCases,
    command: Command,
) -> JSONResponse:
    """INT-8: the referral id comes back in the events list's resource (`id`)."""
    referral = CharityReferred(case_id, str(uuid.uuid4()), body.charity, body.need)
    accepted = Accepted[UrgentCase](
        lambda case, _: case.refer_to_charity(referral), resource_id=referral.referral_id
    )
    return await _change(command, cases, case_id, body.need, accepted)


@router.post(
    "/urgent-cases/{case_id}/charity-referrals/{referral_id}/help",
    response_model=CommandAccepted,
    responses=_COMMANDS,
    summary="登记慈善救助 The charity records its help (If-Match)",
)
async def record_charity_help(
    case_id: str,
    referral_id: str,
    body: CharityHelpCreate,
    cases: UrgentCases,
    command: Command,
) -> JSONResponse:
    """INT-8: the charity (its token's org is its registered code) records what it gave."""
    helped = CharityHelpRecorded(
        case_id, referral_id, command.principal.org, body.amount_fen, body.description
    )
    accepted = Accepted[UrgentCase](
        lambda case, _: case.record_charity_help(helped), resource_id=referral_id
    )
    return await _change(
        command, cases, case_id, body.description, accepted, authorise=_referred_charity
    )


async def _change(
    command: CommandRequest,
    cases: UrgentCases,
    case_id: str,
    reason: str,
    accepted: Accepted[UrgentCase],
    authorise: Authorise[UrgentCase] | None = None,
) -> JSONResponse:
    """A step on the case, by its township's officers unless `authorise` says otherwise."""
    return await change(
        command,
        cases,
        case_id,
        authorise=authorise or in_jurisdiction(command, lambda case: case.division_code),
        act=accepted.act,
        reason=reason,
        answer=accepted.answer,
    )


def _referred_charity(case: UrgentCase) -> None:
    """A charity acts wherever the case is: the case refuses help of a charity it was not
    referred to (`unknown-charity-referral`)."""


def _opened_read(case: UrgentCase) -> UrgentCaseRead:
    assert case.opened is not None
    opened = case.opened
    return UrgentCaseRead(
        urgent_case_id=case.id,
        version=case.version,
        division_code=opened.division_code,
        reporter=opened.reporter,
        status="open",
        overdue=False,
        reported_at=opened.reported_at,
        respond_by=opened.respond_by,
        prior_assistance_fen=0,
        charity_help_fen=0,
    )
