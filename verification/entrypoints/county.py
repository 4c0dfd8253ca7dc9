"""County routes: batches and their spot check, decisions and dynamic management (VER-5, VER-7)."""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import ensure_not_after_today
from shared.http.commands import Command, change
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.openapi import IF_MATCH_UNUSED
from shared.http.problems import problem_responses
from shared.http.wiring import Today
from verification.application.service import Verification
from verification.domain.batch import CountyBatch, parse_rate
from verification.domain.case import AmountOverride, VerificationCase
from verification.domain.policy_book import SPOT_CHECK_RATE
from verification.entrypoints.common import (
    COUNTY,
    at_level,
    case_division,
    case_id_of,
    detail_of,
    ensure_level,
)
from verification.entrypoints.views import BatchView, CaseDetail, batch_view
from verification.entrypoints.wiring import VerificationService
from verification.schemas import (
    AdjustmentIn,
    BatchIn,
    DecisionIn,
    RecheckIn,
    ResumeIn,
    SpotCheckIn,
    StopIn,
)

router = APIRouter(prefix="/v1", tags=["county 县级审批"])
ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)
CASE = "/cases/{case_id}/programmes/{programme}"


@router.post(
    "/batches",
    status_code=201,
    response_model=BatchView,
    summary="审批批次 Form a batch of a township's proposals and draw the spot check (VER-5)",
    responses=ERRORS,
    openapi_extra=IF_MATCH_UNUSED,
)
async def form_batch(
    body: BatchIn, command: Command, verification: VerificationService
) -> JSONResponse:
    """Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`."""
    ensure_level(command.principal, COUNTY, body.township_code)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        rate, policy = await _spot_check_rate(verification, body, conn)
        batch = CountyBatch(str(uuid.uuid4()))
        cases = [await verification.case(c.case_id, c.programme, conn) for c in body.cases]
        for case in cases:
            case.assign_batch(batch.id, body.township_code)
        batch.form(
            body.township_code[:6],
            body.township_code,
            [case.household for case in cases],
            rate,
            secrets.token_hex(16),
            policy=policy,
            declared_relatives=tuple(c.household for c in cases if c.declared_relative),
        )
        reason = f"县级审批批次，按{rate}比例入户抽查 (county batch, spot check)"
        await verification.save(batch, command.metadata(reason), conn)
        for case in cases:
            await verification.save(case, command.metadata(reason, case_id_of(case)), conn)
        headers = {"Location": f"/v1/batches/{batch.id}", "ETag": etag_for(batch.version)}
        return StoredResponse(201, batch_view(batch).model_dump(mode="json"), headers)

    return await command.respond(operation)


async def _spot_check_rate(
    verification: Verification, body: BatchIn, conn: AsyncConnection
) -> tuple[Decimal, tuple[int, Decimal]]:
    """The rate the batch samples at (the body's, never below the floor), and the policy
    setting that requires the floor today for the county (province data, else the default):
    its version and rate."""
    policy = await verification.policies.in_force(
        SPOT_CHECK_RATE, body.township_code, verification.today(), conn
    )
    floor = Decimal(policy.value)
    rate = parse_rate(body.rate, floor) if body.rate else floor
    return rate, (policy.version, floor)


@router.post(
    "/batches/{batch_id}/spot-checks",
    response_model=BatchView,
    summary="入户抽查 Record a county visit to a sampled household (VER-5)",
    responses=ERRORS,
)
async def record_spot_check(
    batch_id: str,
    body: SpotCheckIn,
    command: Command,
    verification: VerificationService,
    today: Today,
) -> JSONResponse:
    """Record the visit against the batch (If-Match: the batch's ETag)."""
    ensure_not_after_today(body.visited_on, today, "visited_on")
    household = f"{body.case_id}/{body.programme}"
    return await change(
        command,
        verification.batches,
        batch_id,
        authorise=at_level(command, COUNTY, _township_of),
        act=lambda batch, _: batch.record_visit(
            household, body.visited_by, body.visited_on, body.findings, body.confirms_proposal
        ),
        reason="县级入户抽查 (county spot check)",
        answer=batch_view,
        case_of=lambda _: body.case_id,
    )


def _township_of(batch: CountyBatch) -> str:
    assert batch.drawn is not None
    return batch.drawn.township_code


@router.post(
    CASE + "/decision",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="审批 Approve (amount by rule, or an override with its reason) or reject (VER-7)",
)
async def decide_case(
    case_id: str,
    programme: str,
    body: DecisionIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Only after the batch's spot check is complete and the notice period is over.

    **Approve by rule (the default).** Without an override the county approves the computed
    entitlement: `CaseApproved` carries `amount_basis: "rule"` and `approved_monthly_amount_fen`
    0, and payments computes the amount with its explanation (PAY-2: the dibao gap formula
    (standard − per-capita income) × members with its floor, the rural class amount, or the fixed
    subsidy; for extreme poverty the basic living standard plus the care standard of each
    member's self-care ability recorded by the township's investigation). When a standard is
    raised, the amount is recomputed from the raise's effective date and the months already
    paid are topped up as back pay (补发) in the next run (PAY-4).

    **Override.** `override_monthly_amount_fen` with `override_reason` fixes the amount instead:
    `amount_basis: "override"`, the reason and the officer are recorded in the event and shown on
    the case. A fixed amount is paid as it stands and is **not** recomputed when standards change;
    only a later adjustment by the county changes it.

    The township's `proposed_monthly_amount_fen` is information shown on the case; it is not
    paid unless the county overrides with it. `approved_monthly_amount_fen` is no longer
    accepted (422): a fixed amount always states its reason.
    """

    async def act(case: VerificationCase, conn: AsyncConnection) -> None:
        complete = await verification.batch_complete(case, conn)
        today = verification.today()
        if body.decision == "reject":
            case.reject(complete, today, body.reason, body.appeal_rights)
            return
        await verification.hold_programme_for_members(case, conn)
        case.approve(
            complete,
            today,
            _override(body, command.principal.subject),
            body.rural_class,
            body.effective_from or today,
            override_deceased_reason=body.override_deceased_reason,
            care_arrangement=body.care_arrangement,
        )

    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=act,
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


def _override(body: DecisionIn, officer: str) -> AmountOverride | None:
    """The amount the county fixes instead of the rule's, when the body names one."""
    if body.override_monthly_amount_fen is None and body.override_reason is None:
        return None
    return AmountOverride(
        body.override_monthly_amount_fen or 0, body.override_reason or "", officer
    )


@router.post(
    CASE + "/adjustment",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="调整 Adjust the monthly amount (VER-7)",
)
async def adjust_benefit(
    case_id: str,
    programme: str,
    body: AdjustmentIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """A new amount from a date."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=lambda case, _: case.adjust(body.approved_monthly_amount_fen, body.effective_from),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    CASE + "/suspension",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="暂停 Suspend the benefit (VER-7)",
)
async def suspend_benefit(
    case_id: str,
    programme: str,
    body: StopIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Stop paying from a date, pending clarification."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=lambda case, _: case.suspend(body.effective_from, body.reason),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    CASE + "/resumption",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="恢复发放 Resume a suspended benefit, or pay the survivors after a death (VER-7)",
)
async def resume_benefit(
    case_id: str,
    programme: str,
    body: ResumeIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Pay again from a date (ADR 0066), from `suspended` or, after a member's death, from
    `termination_review`, at a new amount if given. Months a run left unpaid since the stop
    are paid back by the next run. 409 `nobody-to-resume-for` when the applicant, the account's
    holder or every member is reported dead: terminate instead; survivors apply anew."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=lambda case, _: case.resume(
            body.approved_monthly_amount_fen, body.effective_from, body.reason
        ),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    CASE + "/termination",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="停保 Terminate the benefit (VER-7)",
)
async def terminate_benefit(
    case_id: str,
    programme: str,
    body: StopIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """End the benefit from a date."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=lambda case, _: case.terminate(body.effective_from, body.reason),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )


@router.post(
    CASE + "/recheck",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="复核 Reopen investigation of an approved benefit (VER-7)",
)
async def recheck_benefit(
    case_id: str,
    programme: str,
    body: RecheckIn,
    command: Command,
    verification: VerificationService,
) -> JSONResponse:
    """Periodic re-review or a re-check on a complaint."""
    return await change(
        command,
        verification.cases_of(programme),
        case_id,
        authorise=at_level(command, COUNTY, case_division),
        act=lambda case, _: case.open_recheck(body.reason, body.complaint_id),
        reason=body.reason,
        answer=detail_of(verification),
        case_of=case_id_of,
    )
