"""Alerts of the irregularity detectors and the staff registry they check against (SUP-3)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.fields import PersonName, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command
from shared.http.idempotency import StoredResponse
from shared.http.openapi import sends
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Registry, Store, wired
from shared.identity import DivisionCodeStr, ResidentIdStr, jurisdiction_prefix
from shared.privacy import mask_name
from supervision.detectors.tables import key_of
from supervision.domain.alerts import AlertStatus, Detector, EscalationLevel, StaffRegistered

router = APIRouter(prefix="/v1", tags=["detectors 违规线索"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)

DetectorKey = Annotated[bytes, wired("detector_key")]  # keys resident IDs (key_of)


class AlertOut(BaseModel):
    """An alert with its evidence (personal data masked)."""

    alert_id: str
    detector: str
    division_code: str
    case_ids: list[str]
    summary_zh: str
    evidence: dict[str, Any]
    raised_at: datetime
    status: AlertStatus = Field(description="open, acknowledged, dismissed or escalated")
    version: int = Field(description="the alert's stream version: send it back as If-Match")
    escalated_to: EscalationLevel | None = None
    escalated_division: str | None = None
    acted_by: str | None = Field(None, description="who took the latest step (staff id)")
    acted_role: str | None = None
    acted_at: datetime | None = None
    action_reason: str | None = None


class RelativeIn(BaseModel):
    """A close relative of the staff member."""

    model_config = ConfigDict(extra="forbid")

    resident_id: ResidentIdStr
    kinship: Text = Field(min_length=1, max_length=30)


class StaffIn(BaseModel):
    """A cadre or staff member whose relatives must be declared when they apply."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "resident_id": "620105197803124520",
                    "name": "李明",
                    "org": "安宁区民政局",
                    "role": "社会救助科科长",
                    "division_code": "620105",
                    "relatives": [{"resident_id": "620105198001050026", "kinship": "配偶"}],
                }
            ]
        },
    )

    resident_id: ResidentIdStr
    name: PersonName = Field(min_length=1, max_length=50)
    org: Text = Field(min_length=1, max_length=100)
    role: Text = Field(min_length=1, max_length=60)
    division_code: DivisionCodeStr
    relatives: list[RelativeIn] = Field(default_factory=list, max_length=50)


class StaffRegisteredRead(BaseModel):
    """A staff member registered: only a hash of the ID is kept."""

    staff_key: str = Field(description="keyed pseudonym of the resident ID (pid_…)")
    relatives: int = Field(description="how many close relatives were registered")


@router.get(
    "/alerts",
    response_model=Page[AlertOut],
    summary="违规线索 Alerts of the detectors in your jurisdiction",
    responses=problem_responses(400, 401, 403),
)
async def list_alerts(
    engine: Engine,
    detector: Detector | None = Query(None),
    status: AlertStatus | None = Query(None, description="open, acknowledged, dismissed…"),
    escalated_to: EscalationLevel | None = Query(None, description="escalated to this level"),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(READERS),
) -> Page[AlertOut]:
    """Newest first; filter by detector, status or the level an alert was escalated to."""
    params: dict[str, Any] = {
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "detector": detector.value if detector else None,
        "status": status.value if status else None,
        "escalated_to": escalated_to.value if escalated_to else None,
        "before": datetime.fromisoformat(cursor["at"]) if cursor else None,
        "before_id": cursor["id"] if cursor else None,
        "limit": limit + 1,
    }
    where = ["division_code LIKE :prefix"]
    if detector:
        where.append("detector = :detector")
    if status:
        where.append("status = :status")
    if escalated_to:
        where.append("escalated_to = :escalated_to")
    if cursor:
        where.append("(raised_at, alert_id) < (:before, :before_id)")
    query = text(
        f"SELECT * FROM alerts_view WHERE {' AND '.join(where)}"
        " ORDER BY raised_at DESC, alert_id DESC LIMIT :limit"
    )
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(query, params)]
    items = [AlertOut(**{k: row[k] for k in AlertOut.model_fields}) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    return Page(
        items=items,
        next_cursor=encode_cursor({"at": last["raised_at"].isoformat(), "id": last["alert_id"]})
        if last
        else None,
    )


@router.post(
    "/staff-registry",
    status_code=201,
    response_model=StaffRegisteredRead,
    summary="登记干部职工及近亲属 Register a cadre or staff member and their close relatives",
    responses={**problem_responses(400, 401, 403, 422), **sends(201, "ETag")},
)
async def register_staff(
    body: StaffIn,
    command: Command,
    store: Store,
    registry: Registry,
    detector_key: DetectorKey,
) -> JSONResponse:
    """Keep only keyed pseudonyms of the IDs; the favouritism detector checks beneficiaries
    against them."""
    ensure_jurisdiction(command.principal, body.division_code)
    staff_key = key_of(body.resident_id, detector_key)
    event = StaffRegistered(
        staff_key=staff_key,
        name_masked=mask_name(body.name),
        org=body.org,
        role=body.role,
        division_code=body.division_code,
        relative_keys=tuple(key_of(r.resident_id, detector_key) for r in body.relatives),
    )
    metadata = command.metadata("登记干部职工近亲属备案", case_id=f"staff-{staff_key[:16]}")

    async def operation(conn: AsyncConnection) -> StoredResponse:
        # a log of declarations, not an aggregate: each registration appends to it as it stands
        recorded = await store.append(
            f"staff-{staff_key}", [registry.serialize(event, metadata)], None, conn
        )
        body_out = {"staff_key": staff_key, "relatives": len(body.relatives)}
        return StoredResponse(201, body_out, {"ETag": f'"{recorded[-1].stream_version}"'})

    return await command.respond(operation)
