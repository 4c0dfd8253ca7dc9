"""Visit campaigns (走访慰问, INT-11): plan one per township, record its visits, read them."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from intake.application.submit import flag_household_conflict
from intake.application.visits import Outreach, RecordVisit, arrange, record_visit
from intake.domain.duplicates import MemberInAnotherHousehold
from intake.domain.outreach import HouseholdVisited, VisitCampaign, VisitCampaignPlanned
from intake.entrypoints.common import READING_ROLES, ensure_may_accept, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from intake.entrypoints.wiring import OutreachRepositories, Policy
from intake.schemas_outreach import (
    NeedApplied,
    NeedOut,
    VisitCampaignCreate,
    VisitCampaignRead,
    VisitCreate,
    VisitRead,
)
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import Command, create
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.privacy import mask_resident_id

router = APIRouter(prefix="/v1", tags=["outreach 走访慰问"])


@router.post(
    "/visit-campaigns",
    status_code=201,
    response_model=VisitCampaignRead,
    summary="制定走访慰问活动 Plan a township's visit campaign",
    responses=problem_responses(400, 401, 403, 422),
)
async def plan_visit_campaign(
    body: VisitCampaignCreate,
    outreach: OutreachRepositories,
    today: Today,
    command: Command,
) -> JSONResponse:
    """A campaign for one township: the groups it visits and its period."""
    ensure_jurisdiction(command.principal, body.division_code)
    campaign = VisitCampaign(str(uuid.uuid4()))
    fields = {**body.model_dump(), "groups": tuple(dict.fromkeys(body.groups))}
    campaign.plan(VisitCampaignPlanned(campaign_id=campaign.id, **fields), today)

    def answer(planned: VisitCampaign) -> VisitCampaignRead:
        return VisitCampaignRead(
            **fields,
            campaign_id=planned.id,
            version=planned.version,
            planned_by=command.principal.subject,
            visits=0,
            needs_found=0,
            referrals=0,
            applications=0,
        )

    return await create(
        command,
        outreach.campaigns,
        campaign,
        reason=f"制定走访慰问活动：{body.title}",
        answer=answer,
        location=f"/v1/visit-campaigns/{campaign.id}",
    )


@router.get(
    "/visit-campaigns/{campaign_id}",
    response_model=VisitCampaignRead,
    summary="查询走访慰问活动 Get a campaign with its counts",
    responses=problem_responses(401, 403, 404),
)
async def get_visit_campaign(
    campaign_id: str,
    response: Response,
    engine: Engine,
    principal: Principal = Depends(current_principal),
) -> VisitCampaignRead:
    """The campaign, and how many visits, needs, referrals and applications it has so far."""
    ensure_role(principal, READING_ROLES, "查阅走访慰问活动")
    row = await _campaign_row(engine, campaign_id)
    ensure_jurisdiction(principal, row["division_code"])
    response.headers["ETag"] = etag_for(row["version"])
    return VisitCampaignRead(**{k: row[k] for k in VisitCampaignRead.model_fields})


@router.post(
    "/visit-campaigns/{campaign_id}/visits",
    status_code=201,
    response_model=VisitRead,
    summary="记录走访 Record a visit: needs found, help arranged (referral or application)",
    responses=problem_responses(400, 401, 403, 404, 409, 422),
)
async def record_campaign_visit(
    campaign_id: str,
    body: VisitCreate,
    outreach: OutreachRepositories,
    policy: Policy,
    today: Today,
    command: Command,
) -> JSONResponse:
    """The visit, its referrals (INT-5) and its application (INT-4) in one unit of work."""
    principal = command.principal
    for need in body.needs:
        if isinstance(need, NeedApplied):  # only the township accepts (INT-3)
            ensure_may_accept(principal, need.application.division_code)
    visit_id = str(uuid.uuid4())
    metadata = command.metadata("走访慰问", visit_id)
    cmd = RecordVisit(
        campaign_id,
        body,
        metadata,
        principal.division,
        principal.org,
        today,
        visit_id,
    )
    arranged = arrange(cmd, policy, outreach)

    async def operation(conn: AsyncConnection) -> StoredResponse:
        campaign = await _campaign(outreach, campaign_id, conn)
        ensure_jurisdiction(principal, campaign.details.division_code)
        visited = await record_visit(cmd, campaign, arranged, outreach, conn)
        read = _visit_read(visited, principal.subject)
        return StoredResponse(201, read.model_dump(mode="json"), {})

    try:  # several streams (the visit, its referrals, its application): its own unit of work
        return await command.respond(operation)
    except MemberInAnotherHousehold as conflict:  # as at the one door: flagged, then refused
        assert arranged.application is not None
        store, registry = outreach.applications.store, outreach.applications.registry
        await flag_household_conflict(store, registry, conflict, arranged.application)
        raise


@router.get(
    "/visit-campaigns/{campaign_id}/visits",
    response_model=Page[VisitRead],
    summary="走访记录 The visits of a campaign, by date",
    responses=problem_responses(400, 401, 403, 404, 422),
)
async def list_campaign_visits(
    campaign_id: str,
    engine: Engine,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[VisitRead]:
    """Each visit with the needs found and the referral or application opened for each."""
    ensure_role(principal, READING_ROLES, "查阅走访记录")
    ensure_jurisdiction(principal, (await _campaign_row(engine, campaign_id))["division_code"])
    where, params = "campaign_id = :id", {"id": campaign_id, "limit": limit + 1}
    if cursor is not None:
        where += " AND (visited_on, visit_id) > (:at, :after)"
        params.update(cursor_position(cursor, date.fromisoformat))
    query = f"SELECT * FROM visits_view WHERE {where} ORDER BY visited_on, visit_id LIMIT :limit"
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(text(query), params)]
    return page_of(rows, limit, _row_read, lambda r: keyset_cursor(r["visited_on"], r["visit_id"]))


async def _campaign(outreach: Outreach, campaign_id: str, conn: AsyncConnection) -> VisitCampaign:
    campaign = await outreach.campaigns.find(campaign_id, conn)
    if campaign is None:
        raise NotFound(f"visit campaign {campaign_id} not found", "未找到该走访慰问活动")
    return campaign


async def _campaign_row(engine: AsyncEngine, campaign_id: str) -> dict[str, Any]:
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT * FROM visit_campaigns_view WHERE campaign_id = :id"), {"id": campaign_id}
        )
        row = found.first()
    if row is None:
        raise NotFound(f"visit campaign {campaign_id} not found", "未找到该走访慰问活动")
    return dict(row._mapping)


def _visit_read(visited: HouseholdVisited, recorded_by: str) -> VisitRead:
    return VisitRead(
        visit_id=visited.visit_id,
        campaign_id=visited.campaign_id,
        division_code=visited.division_code,
        group=visited.group,
        resident_id_masked=mask_resident_id(visited.resident_id),
        visited_on=visited.visited_on,
        needs=[NeedOut(**asdict(n)) for n in visited.needs],
        help_given=visited.help_given,
        recorded_by=recorded_by,
    )


def _row_read(row: dict[str, Any]) -> VisitRead:
    return VisitRead(
        visit_id=row["visit_id"],
        campaign_id=row["campaign_id"],
        division_code=row["division_code"],
        group=row["visited_group"],
        resident_id_masked=mask_resident_id(row["resident_id"]),
        visited_on=row["visited_on"],
        needs=[NeedOut(**n) for n in row["needs"]],
        help_given=row["help_given"],
        recorded_by=row["recorded_by"],
    )
