"""First inquiry and referral (首问负责制、转介, INT-5): create, acknowledge, list overdue."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from intake.application.referrals import ReferralRequest, open_referral
from intake.domain.referral import Referral, ReferralOpened
from intake.entrypoints.common import READING_ROLES, Accepted, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from intake.entrypoints.wiring import Policy, Referrals
from intake.schemas import CommandAccepted
from intake.schemas_cases import Acknowledgement, ReferralCreate, ReferralRead
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import Command, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, ServiceClock, Today
from shared.identity import jurisdiction_prefix

router = APIRouter(prefix="/v1", tags=["referrals 首问转介"])


@router.post(
    "/referrals",
    status_code=201,
    response_model=ReferralRead,
    summary="首问登记并转介 Record a request and refer it to the competent department",
    responses=problem_responses(400, 401, 403, 422),
)
async def create_referral(
    body: ReferralCreate,
    referrals: Referrals,
    policy: Policy,
    received_on: Today,
    command: Command,
) -> JSONResponse:
    """The office asked first records the request; the receiver must acknowledge in time."""
    principal = command.principal
    request = ReferralRequest(**body.model_dump())
    referral = open_referral(request, principal.division, principal.org, received_on, policy)
    return await create(
        command,
        referrals,
        referral,
        reason="首问登记并转介",
        answer=_opened_read,
        location=f"/v1/referrals/{referral.id}",
        case_id=body.case_id,
    )


@router.post(
    "/referrals/{referral_id}/acknowledgement",
    response_model=CommandAccepted,
    summary="签收转介 Acknowledge a referral (If-Match)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def acknowledge_referral(
    referral_id: str,
    body: Acknowledgement,
    referrals: Referrals,
    clock: ServiceClock,
    command: Command,
) -> JSONResponse:
    """The receiving department takes the request over (late if after the deadline)."""
    now = clock.now()
    accepted = Accepted[Referral](lambda referral, _: referral.acknowledge(now, body.note))
    return await change(
        command,
        referrals,
        referral_id,
        authorise=in_jurisdiction(command, lambda referral: referral.division_code),
        act=accepted.act,
        reason=body.note,
        answer=accepted.answer,
        case_of=lambda referral: referral.case_id,
    )


def _opened_read(referral: Referral) -> ReferralRead:
    assert referral.opened is not None
    return _read(referral.opened, referral.version, "open", False)


@router.get(
    "/referrals/overdue",
    response_model=Page[ReferralRead],
    summary="逾期未签收转介 Overdue referrals within your jurisdiction",
    responses=problem_responses(400, 401, 403),
)
async def list_overdue_referrals(
    engine: Engine,
    today: Today,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[ReferralRead]:
    """Unacknowledged referrals past their deadline (escalated or about to be), for supervision."""
    ensure_role(principal, (*READING_ROLES, "partner_agency"), "查阅转介")
    return await _overdue_page(engine, principal, today, limit, cursor)


@router.get(
    "/referrals/{referral_id}",
    response_model=ReferralRead,
    summary="查询转介 Get a referral",
    responses=problem_responses(401, 403, 404),
)
async def get_referral(
    referral_id: str,
    response: Response,
    engine: Engine,
    principal: Principal = Depends(current_principal),
) -> ReferralRead:
    """The referral as the read model holds it, with its version as ETag."""
    ensure_role(principal, (*READING_ROLES, "partner_agency"), "查阅转介")
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT * FROM referrals_view WHERE referral_id = :id"), {"id": referral_id}
        )
        row = found.first()
    if row is None or not _visible(principal, dict(row._mapping)):
        raise NotFound(f"referral {referral_id} not found", "未找到该转介")
    response.headers["ETag"] = etag_for(row.version)
    return _row_read(dict(row._mapping))


def _visible(principal: Principal, row: dict[str, Any]) -> bool:
    return principal.covers(row["to_division"]) or principal.covers(row["first_office_division"])


async def _overdue_page(
    engine: AsyncEngine,
    principal: Principal,
    today: date,
    limit: int,
    cursor: dict[str, Any] | None,
) -> Page[ReferralRead]:
    ensure_jurisdiction(principal, principal.division)
    where = (
        "status = 'open' AND (overdue OR acknowledge_by < :today)"
        " AND (to_division LIKE :prefix OR first_office_division LIKE :prefix)"
    )
    params: dict[str, Any] = {
        "today": today,
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "limit": limit + 1,
    }
    if cursor is not None:
        where += " AND (acknowledge_by, referral_id) > (:at, :after)"
        params.update(cursor_position(cursor, date.fromisoformat))
    async with engine.connect() as conn:
        rows = await conn.execute(
            text(
                f"SELECT * FROM referrals_view WHERE {where}"
                " ORDER BY acknowledge_by, referral_id LIMIT :limit"
            ),
            params,
        )
        found = [dict(r._mapping) for r in rows]
    return page_of(found, limit, _row_read, _cursor_of)


def _cursor_of(row: dict[str, Any]) -> str:
    return keyset_cursor(row["acknowledge_by"], row["referral_id"])


def _row_read(row: dict[str, Any]) -> ReferralRead:
    return ReferralRead(**{k: row[k] for k in ReferralRead.model_fields})


def _read(opened: ReferralOpened, version: int, status: str, overdue: bool) -> ReferralRead:
    return ReferralRead(
        referral_id=opened.referral_id,
        version=version,
        first_office_division=opened.first_office_division,
        to_agency=opened.to_agency,
        to_division=opened.to_division,
        status=status,
        overdue=overdue,
        received_on=opened.received_on,
        acknowledge_by=opened.acknowledge_by,
    )
