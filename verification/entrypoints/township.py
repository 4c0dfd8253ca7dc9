"""Township routes: economic verification, investigation, appraisal, review, notice, objections."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import ensure_not_after_today
from shared.http.commands import Command, change, in_jurisdiction
from shared.http.problems import problem_responses
from shared.http.wiring import Today
from verification.domain import events as ev
from verification.domain.case import Stage, VerificationCase
from verification.entrypoints.common import (
    TOWNSHIP,
    at_level,
    case_division,
    case_id_of,
    detail_of,
    ensure_level,
)
from verification.entrypoints.views import CaseDetail
from verification.entrypoints.wiring import VerificationService
from verification.schemas import (
    AppraisalIn,
    ExtensionIn,
    InvestigationIn,
    ManualEvidenceIn,
    ProposalIn,
    StepIn,
)

router = APIRouter(prefix="/v1/cases/{case_id}/programmes/{programme}", tags=["township 乡镇审核"])
ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


@router.post(
    "/economic-verification",
    response_model=CaseDetail,
    summary="家庭经济状况核对 Query the partner data sources (VER-1)",
    responses=ERRORS,
)
async def verify_household_economy(
    case_id: str,
    programme: str,
    body: StepIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Ask every source still missing; failures are recorded and marked for manual follow-up."""
    cases = verification.cases_of(programme)
    loaded = await cases.get(case_id)
    ensure_level(command.principal, TOWNSHIP, case_division(loaded))
    answers: list[ev.EvidenceRecorded] = []
    failures: list[ev.EvidenceRequestFailed] = []
    if loaded.stage == Stage.ECONOMIC_VERIFICATION:  # else a replay, or refused in the step
        answers, failures = await verification.query_partners(loaded)
    return await change(
        command,
        cases,
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=lambda case, _: case.record_replies(answers, failures),
        reason=body.reason or "经授权查询家庭经济状况 (authorised economic check)",
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/evidence",
    response_model=CaseDetail,
    summary="补录核对结果 A partner agency's or officer's answer to a data request (VER-1)",
    responses=ERRORS,
)
async def record_manual_evidence(
    case_id: str,
    programme: str,
    body: ManualEvidenceIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Record an answer given outside the query API: by the agency itself or by the township."""
    obtained_by = "partner_agency" if command.principal.role == "partner_agency" else "manual"

    def act(case: VerificationCase, _: AsyncConnection) -> None:
        answer = ev.EvidenceRecorded(
            case_id,
            programme,
            body.source,
            body.resident_id,
            body.monthly_income_fen,
            body.assets_fen,
            body.deceased,
            body.reference,
            obtained_by,
        )
        case.record_evidence([answer], [])

    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=in_jurisdiction(command, case_division),
        act=act,
        reason=f"{obtained_by}: {body.reference}",
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/investigation",
    response_model=CaseDetail,
    summary="入户调查 Record the household investigation (VER-2)",
    responses=ERRORS,
)
async def record_investigation(
    case_id: str,
    programme: str,
    body: InvestigationIn,
    command: Command,
    verification: VerificationService,
    today: Today,
) -> JSONResponse:
    """At least two staff visited; findings recorded. For extreme poverty (特困) the visit
    assesses each member's self-care ability (`self_care`: full 全自理, partial 半失能, none
    全失能): required before the proposal, it flags the partly or wholly dependent for
    centralised care (VER-8) and travels with the approval so that payments pays the basic
    living standard plus the care standard for that ability (PAY-1)."""
    ensure_not_after_today(body.visited_on, today, "visited_on")
    self_care = {a.resident_id: a.ability for a in body.self_care}
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=lambda case, _: case.record_investigation(
            body.staff, body.visited_on, body.findings, self_care
        ),
        reason="入户调查 (household investigation)",
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/appraisal",
    response_model=CaseDetail,
    summary="民主评议 Record a democratic appraisal (VER-3)",
    responses=ERRORS,
)
async def record_appraisal(
    case_id: str,
    programme: str,
    body: AppraisalIn,
    command: Command,
    verification: VerificationService,
    today: Today,
) -> JSONResponse:
    """Recorded as evidence; it never decides alone."""
    ensure_not_after_today(body.held_on, today, "held_on")
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=lambda case, _: case.record_appraisal(body.held_on, body.participants, body.outcome),
        reason="民主评议 (democratic appraisal)",
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/proposal",
    response_model=CaseDetail,
    summary="乡镇审核 Propose the case with a benefit to the county (VER-4)",
    responses=ERRORS,
)
async def submit_proposal(
    case_id: str,
    programme: str,
    body: ProposalIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """The township answers for acceptance, investigation and review. The proposed amount is
    information for the county, shown on the case: the county approves the amount computed by
    rule unless it overrides it with a reason (see the decision)."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=lambda case, _: case.submit_proposal(
            body.proposed_monthly_amount_fen,
            body.rural_class,
            body.review_opinion,
            verification.today(),
        ),
        reason=body.review_opinion,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    "/deadline-extension",
    response_model=CaseDetail,
    summary="延长办理时限 Extend the whole process to 45 working days (VER-9)",
    responses=ERRORS,
)
async def extend_deadline(
    case_id: str,
    programme: str,
    body: ExtensionIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Once per case, with the reason recorded."""
    days = verification.policy.deadlines.whole_process_extended
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, TOWNSHIP, case_division),
        act=lambda case, _: case.extend_deadline(body.reason, days),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )
