"""Township routes: economic verification, investigation, appraisal, review, notice, objections."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.openapi import IF_MATCH_OPTIONAL
from shared.http.problems import problem_responses
from verification.domain import events as ev
from verification.domain.case import Stage, VerificationCase
from verification.entrypoints.common import (
    TOWNSHIP,
    CaseCommand,
    case_command,
    ensure_level,
)
from verification.entrypoints.views import CaseDetail
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
EVIDENCE_ROLES = ("township_officer", "partner_agency")


@router.post(
    "/economic-verification",
    response_model=CaseDetail,
    summary="家庭经济状况核对 Query the partner data sources (VER-1)",
    responses=ERRORS,
)
async def verify_household_economy(
    body: StepIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Ask every source still missing; failures are recorded and marked for manual follow-up."""
    verification = command.verification
    loaded = await verification.case(command.case_id, command.programme)
    assert loaded.opened is not None
    ensure_level(command.principal, TOWNSHIP, loaded.opened.division_code)
    answers: list[ev.EvidenceRecorded] = []
    failures: list[ev.EvidenceRequestFailed] = []
    if loaded.stage == Stage.ECONOMIC_VERIFICATION:  # else a replay, or refused in the action
        answers, failures = await verification.query_partners(loaded)

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        missing = set(case.missing_queries())
        case.record_evidence(
            [a for a in answers if (a.source, a.resident_id) in missing],
            [f for f in failures if (f.source, f.resident_id) in missing],
        )

    return await command.run(
        TOWNSHIP, body.reason or "经授权查询家庭经济状况 (authorised economic check)", action
    )


@router.post(
    "/evidence",
    response_model=CaseDetail,
    summary="补录核对结果 A partner agency's or officer's answer to a data request (VER-1)",
    responses=ERRORS,
    openapi_extra=IF_MATCH_OPTIONAL,
)
async def record_manual_evidence(
    body: ManualEvidenceIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Record an answer given outside the query API: by the agency itself or by the township."""
    if command.principal.role not in EVIDENCE_ROLES:
        ensure_level(command.principal, TOWNSHIP, command.principal.division)
    obtained_by = "partner_agency" if command.principal.role == "partner_agency" else "manual"

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        answer = ev.EvidenceRecorded(
            command.case_id,
            command.programme,
            body.source,
            body.resident_id,
            body.monthly_income_fen,
            body.assets_fen,
            body.deceased,
            body.reference,
            obtained_by,
        )
        case.record_evidence([answer], [])

    return await command.run(
        None, f"{obtained_by}: {body.reference}", action, if_match_required=False
    )


@router.post(
    "/investigation",
    response_model=CaseDetail,
    summary="入户调查 Record the household investigation (VER-2)",
    responses=ERRORS,
)
async def record_investigation(
    body: InvestigationIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """At least two staff visited; findings recorded. For extreme poverty (特困) the visit
    assesses each member's self-care ability (`self_care`: full 全自理, partial 半失能, none
    全失能): required before the proposal, it flags the partly or wholly dependent for
    centralised care (VER-8) and travels with the approval so that payments pays the basic
    living standard plus the care standard for that ability (PAY-1)."""
    self_care = {a.resident_id: a.ability for a in body.self_care}

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.record_investigation(body.staff, body.visited_on, body.findings, self_care)

    return await command.run(TOWNSHIP, "入户调查 (household investigation)", action)


@router.post(
    "/appraisal",
    response_model=CaseDetail,
    summary="民主评议 Record a democratic appraisal (VER-3)",
    responses=ERRORS,
)
async def record_appraisal(
    body: AppraisalIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Recorded as evidence; it never decides alone."""

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.record_appraisal(body.held_on, body.participants, body.outcome)

    return await command.run(TOWNSHIP, "民主评议 (democratic appraisal)", action)


@router.post(
    "/proposal",
    response_model=CaseDetail,
    summary="乡镇审核 Propose the case with a benefit to the county (VER-4)",
    responses=ERRORS,
)
async def submit_proposal(
    body: ProposalIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """The township answers for acceptance, investigation and review. The proposed amount is
    information for the county, shown on the case: the county approves the amount computed by
    rule unless it overrides it with a reason (see the decision)."""
    verification = command.verification

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.submit_proposal(
            body.proposed_monthly_amount_fen,
            body.rural_class,
            body.review_opinion,
            verification.today(),
        )

    return await command.run(TOWNSHIP, body.review_opinion, action)


@router.post(
    "/deadline-extension",
    response_model=CaseDetail,
    summary="延长办理时限 Extend the whole process to 45 working days (VER-9)",
    responses=ERRORS,
)
async def extend_deadline(
    body: ExtensionIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Once per case, with the reason recorded."""
    days = command.verification.policy.deadlines.whole_process_extended

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.extend_deadline(body.reason, days)

    return await command.run(TOWNSHIP, body.reason, action)
