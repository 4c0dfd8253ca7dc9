"""County routes: batches and their spot check, decisions and dynamic management (VER-5, VER-7)."""

from __future__ import annotations

import secrets
import uuid
from decimal import Decimal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import ConcurrencyConflict
from shared.http.auth import current_principal
from shared.http.commands import request_metadata
from shared.http.etag import etag_for, expected_version_from_if_match, precondition_failed_from
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.openapi import IF_MATCH_UNUSED
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from verification.domain.batch import CountyBatch, parse_rate
from verification.domain.case import AmountOverride, VerificationCase
from verification.domain.errors import InvalidBatch
from verification.domain.policy_book import SPOT_CHECK_RATE
from verification.entrypoints.common import (
    COUNTY,
    CaseCommand,
    case_command,
    check_version,
    ensure_level,
)
from verification.entrypoints.views import BatchView, CaseDetail, batch_view
from verification.entrypoints.wiring import VerificationService
from verification.schemas import AdjustmentIn, BatchIn, DecisionIn, RecheckIn, SpotCheckIn, StopIn

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
    body: BatchIn,
    request: Request,
    verification: VerificationService,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`."""
    ensure_level(principal, COUNTY, body.township_code)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        # The rate the policy requires today for this county (province data, else the default).
        policy = await verification.policies.in_force(
            SPOT_CHECK_RATE, body.township_code, verification.today(), conn
        )
        floor = Decimal(policy.value)
        rate = parse_rate(body.rate, floor) if body.rate else floor
        batch = CountyBatch(str(uuid.uuid4()))
        cases = [await verification.case(c.case_id, c.programme, conn) for c in body.cases]
        for case in cases:
            assert case.opened is not None
            if not case.opened.division_code.startswith(body.township_code):
                raise InvalidBatch(
                    f"case {case.id} is not of township {body.township_code}",
                    f"案件 {case.id} 不属于乡镇 {body.township_code}",
                    field="cases",
                )
            case.assign_batch(batch.id)
        households = [case.household for case in cases]
        batch.form(
            body.township_code[:6],
            body.township_code,
            households,
            rate,
            secrets.token_hex(16),
            policy=(policy.version, floor),
            declared_relatives=tuple(c.household for c in cases if c.declared_relative),
        )
        reason = f"县级审批批次，按{rate}比例入户抽查 (county batch, spot check)"
        await verification.save(batch, request_metadata(principal, reason, None), conn)
        for case in cases:
            assert case.opened is not None
            await verification.save(
                case, request_metadata(principal, reason, case.opened.case_id), conn
            )
        view = batch_view(batch)
        headers = {"Location": f"/v1/batches/{batch.id}", "ETag": etag_for(batch.version)}
        return StoredResponse(201, view.model_dump(mode="json"), headers)

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


@router.post(
    "/batches/{batch_id}/spot-checks",
    response_model=BatchView,
    summary="入户抽查 Record a county visit to a sampled household (VER-5)",
    responses=ERRORS,
)
async def record_spot_check(
    batch_id: str,
    body: SpotCheckIn,
    request: Request,
    verification: VerificationService,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> JSONResponse:
    """Record the visit against the batch (If-Match: the batch's ETag)."""
    expected = expected_version_from_if_match(request)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        batch = await verification.batch(batch_id, conn)
        assert batch.drawn is not None
        ensure_level(principal, COUNTY, batch.drawn.township_code)
        check_version(expected, batch.version)
        household = f"{body.case_id}/{body.programme}"
        batch.record_visit(
            household, body.visited_by, body.visited_on, body.findings, body.confirms_proposal
        )
        metadata = request_metadata(principal, "县级入户抽查 (county spot check)", body.case_id)
        try:
            await verification.save(batch, metadata, conn)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        view = batch_view(batch)
        return StoredResponse(200, view.model_dump(mode="json"), {"ETag": etag_for(batch.version)})

    return await respond_idempotently(
        request, client_id=principal.client_id, key=key, operation=operation
    )


@router.post(
    CASE + "/decision",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="审批 Approve (amount by rule, or an override with its reason) or reject (VER-7)",
)
async def decide_case(
    body: DecisionIn,
    command: CaseCommand = Depends(case_command),
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
    verification = command.verification

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        complete = await verification.batch_complete(case, conn)
        today = verification.today()
        if body.decision == "reject":
            case.reject(complete, today, body.reason, body.appeal_rights)
            return
        override = None
        if body.override_monthly_amount_fen is not None or body.override_reason is not None:
            override = AmountOverride(
                body.override_monthly_amount_fen or 0,
                body.override_reason or "",
                command.principal.subject,
            )
        rural_class = body.rural_class or (case.proposal.rural_class if case.proposal else None)
        case.approve(
            complete,
            today,
            override,
            rural_class,
            body.effective_from or today,
            override_deceased_reason=body.override_deceased_reason,
            care_arrangement=body.care_arrangement,
        )

    return await command.run(COUNTY, body.reason, action)


@router.post(
    CASE + "/adjustment",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="调整 Adjust the monthly amount (VER-7)",
)
async def adjust_benefit(
    body: AdjustmentIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """A new amount from a date."""

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.adjust(body.approved_monthly_amount_fen, body.effective_from)

    return await command.run(COUNTY, body.reason, action)


@router.post(
    CASE + "/suspension",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="暂停 Suspend the benefit (VER-7)",
)
async def suspend_benefit(
    body: StopIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Stop paying from a date, pending clarification."""

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.suspend(body.effective_from, body.reason)

    return await command.run(COUNTY, body.reason, action)


@router.post(
    CASE + "/termination",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="停保 Terminate the benefit (VER-7)",
)
async def terminate_benefit(
    body: StopIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """End the benefit from a date."""

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.terminate(body.effective_from, body.reason)

    return await command.run(COUNTY, body.reason, action)


@router.post(
    CASE + "/recheck",
    response_model=CaseDetail,
    responses=ERRORS,
    summary="复核 Reopen investigation of an approved benefit (VER-7)",
)
async def recheck_benefit(
    body: RecheckIn,
    command: CaseCommand = Depends(case_command),
) -> JSONResponse:
    """Periodic re-review or a re-check on a complaint."""

    async def action(case: VerificationCase, conn: AsyncConnection) -> None:
        case.open_recheck(body.reason, body.complaint_id)

    return await command.run(COUNTY, body.reason, action)
