"""Urgent reports (INT-6), the green channel (INT-7) and charity referral (INT-8)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.adapters.green_channel import claim_prior_grant, urban_standard_in_force
from intake.application.changes import change
from intake.domain.urgent import (
    Grant,
    NoStandardInForce,
    PriorAssistanceAlreadyGranted,
    UrgentCase,
)
from intake.domain.urgent_events import (
    CharityHelpRecorded,
    CharityReferred,
    PriorAssistanceGranted,
    UrgentCaseOpened,
)
from intake.entrypoints.common import accepted, ensure_role
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
from shared.application.repository import Repository
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import ensure_current, request_metadata
from shared.http.etag import etag_for, expected_version_from_if_match
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import ServiceClock, Today

router = APIRouter(prefix="/v1", tags=["urgent cases 急难救助"])
REPORTING_ROLES = ("village_committee", "township_officer", "county_officer", "partner_agency")
OFFICER_ROLES = ("township_officer", "county_officer")
Prepare = Callable[[UrgentCase, AsyncConnection], Awaitable[Callable[[UrgentCase], None]]]
_COMMANDS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


@router.post(
    "/urgent-reports",
    status_code=201,
    response_model=UrgentCaseRead,
    summary="急难情况报告 Report a person in urgent difficulty",
    responses=problem_responses(400, 401, 403, 422),
)
async def report_urgent_case(
    body: UrgentReportCreate,
    request: Request,
    repository: UrgentCases,
    policy: Policy,
    clock: ServiceClock,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Open an urgent case with its response deadline (default 24 h)."""
    ensure_role(principal, REPORTING_ROLES, "报告急难情况")
    ensure_jurisdiction(principal, body.division_code)
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
    opened: UrgentCaseOpened = case.pending[0]
    metadata = request_metadata(principal, "主动发现报告急难情况", case.id)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        await repository.save(case, metadata, conn, expected_version=0)
        read = UrgentCaseRead(
            urgent_case_id=case.id,
            version=1,
            division_code=opened.division_code,
            reporter=opened.reporter,
            status="open",
            overdue=False,
            reported_at=now,
            respond_by=opened.respond_by,
            prior_assistance_fen=0,
            charity_help_fen=0,
        )
        headers = {"Location": f"/v1/urgent-cases/{case.id}", "ETag": etag_for(1)}
        return StoredResponse(201, read.model_dump(mode="json"), headers)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
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
    request: Request,
    cases: UrgentCases,
    clock: ServiceClock,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """The township responds; a response after the deadline is recorded as late."""
    now = clock.now()
    return await _command(
        request,
        cases,
        principal,
        key,
        case_id,
        OFFICER_ROLES,
        body.response,
        lambda c: c.respond(now, body.response),
    )


@router.post(
    "/urgent-cases/{case_id}/prior-assistance",
    response_model=CommandAccepted,
    summary="先行救助 Grant assistance before verification (If-Match)",
    responses=_COMMANDS,
)
async def grant_prior_assistance(
    case_id: str,
    body: PriorAssistanceCreate,
    request: Request,
    cases: UrgentCases,
    policy: Policy,
    today: Today,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person, net of earlier aid; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7)."""

    async def prepare(case: UrgentCase, conn: AsyncConnection) -> Callable[[UrgentCase], None]:
        assert case.opened is not None
        division = case.opened.division_code
        standard = await urban_standard_in_force(conn, division[:6], today)
        if standard is None:
            raise NoStandardInForce(
                f"no urban dibao standard of county {division[:6]} is in force on {today}",
                f"{today} 县（区）{division[:6]} 无有效的城市低保标准",
                county_code=division[:6],
            )
        month = today.strftime("%Y-%m")
        holder = await claim_prior_grant(conn, body.resident_id, body.programme, month, case.id)
        if holder is not None:
            raise PriorAssistanceAlreadyGranted(
                f"{body.programme} was already granted to this person in {month}"
                f" (urgent case {holder})",
                f"本月（{month}）已向该人员给予 {body.programme} 先行救助（急难个案 {holder}）",
                field="programme",
                urgent_case_id=holder,
            )
        cap = policy.prior_assistance_cap(standard, body.persons)
        event = PriorAssistanceGranted(
            case_id=case.id,
            programme=body.programme,
            amount_fen=body.amount_fen,
            division_code=division,
            resident_id=body.resident_id,
            bank_account=body.bank_account,
            verification_due=policy.calendar.add_working_days(
                today, policy.follow_up_verification_working_days
            ),
            follow_up_programmes=tuple(body.follow_up_programmes),
            persons=body.persons,
            granted_on=today,
            cap_fen=cap,
            follow_up_application_id=(
                case.follow_up.application_id if case.follow_up is not None else None
            ),
        )
        return lambda c: c.grant_prior_assistance(Grant(event, cap))

    return await _command(
        request, cases, principal, key, case_id, OFFICER_ROLES, body.reason, None, prepare=prepare
    )


@router.post(
    "/urgent-cases/{case_id}/charity-referrals",
    response_model=CommandAccepted,
    summary="转介慈善组织 Refer the case to a registered charity (If-Match)",
    responses=_COMMANDS,
)
async def refer_case_to_charity(
    case_id: str,
    body: CharityReferralCreate,
    request: Request,
    cases: UrgentCases,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """INT-8: the referral id comes back in the events list's resource (`id`)."""
    referral = CharityReferred(case_id, str(uuid.uuid4()), body.charity, body.need)
    return await _command(
        request,
        cases,
        principal,
        key,
        case_id,
        OFFICER_ROLES,
        body.need,
        lambda c: c.refer_to_charity(referral),
    )


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
    request: Request,
    cases: UrgentCases,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """INT-8: the charity (its token's org is its registered code) records what it gave."""
    helped = CharityHelpRecorded(
        case_id, referral_id, principal.org, body.amount_fen, body.description
    )
    return await _command(
        request,
        cases,
        principal,
        key,
        case_id,
        ("charity",),
        body.description,
        lambda c: c.record_charity_help(helped),
        scoped=False,
    )


async def _command(
    request: Request,
    repository: Repository[UrgentCase],
    principal: Principal,
    key: str,
    case_id: str,
    roles: tuple[str, ...],
    reason: str,
    action: Callable[[UrgentCase], None] | None,
    scoped: bool = True,
    prepare: Prepare | None = None,
) -> JSONResponse:
    ensure_role(principal, roles, "办理急难个案", decides=True)
    expected = expected_version_from_if_match(request)
    assert expected is not None

    def scope(case: UrgentCase) -> None:
        assert case.opened is not None
        if scoped:
            ensure_jurisdiction(principal, case.opened.division_code)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        metadata = request_metadata(principal, reason, case_id)
        act = action
        if prepare is not None:  # reads beside the stream first (standards, grant registry)
            current = await repository.get(case_id, conn)
            ensure_current(current.stream_id, expected, current.version)
            scope(current)
            act = await prepare(current, conn)
        assert act is not None
        chosen = act

        def guarded(case: UrgentCase) -> None:
            scope(case)
            chosen(case)

        case, recorded = await change(repository, case_id, expected, metadata, conn, guarded)
        resource = recorded[-1].data.get("referral_id", case_id)
        return accepted(str(resource), case.version, recorded)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )
