"""What officers do with an alert (SUP-3): acknowledge it, dismiss it with a reason, escalate it."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text

from shared.application.repository import Repository
from shared.domain.errors import NotFound
from shared.fields import Text
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Command, CommandRequest, change, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from supervision.domain.alert_lifecycle import Alert
from supervision.domain.alerts import AlertStatus, EscalationLevel
from supervision.entrypoints.alerts_api import READERS, AlertOut
from supervision.entrypoints.wiring import Alerts

router = APIRouter(prefix="/v1/alerts", tags=["detectors 违规线索"])
# Auditors read alerts; the officers and inspectors of the alert's jurisdiction act on them
# (the access table, supervision/access.py).
_CHANGE_ERRORS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


class AlertState(BaseModel):
    """An alert's stage after a step, with the version to send back as If-Match."""

    alert_id: str
    status: AlertStatus
    escalated_to: EscalationLevel | None
    escalated_division: str | None
    version: int


class AcknowledgementIn(BaseModel):
    """Taking the alert in hand."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "note": "已安排街道办事处复核该户收入和财产情况",
                }
            ]
        },
    )

    note: str = Field("", max_length=500, description="optional: what will be done")


class DismissalIn(BaseModel):
    """Setting the alert aside: why it is not an irregularity."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason": "经核实，两人为同名同姓的不同人员，不存在重复享受",
                }
            ]
        },
    )

    reason: Text = Field(min_length=1, max_length=500)


class EscalationIn(BaseModel):
    """Sending the alert up to the city or the province."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "to": "city",
                    "reason": "涉及区民政局工作人员近亲属，按规定报市民政局核查",
                }
            ]
        },
    )

    to: EscalationLevel
    reason: Text = Field(min_length=1, max_length=500)


def _state(alert: Alert) -> AlertState:
    return AlertState(
        alert_id=alert.id,
        status=alert.status,
        escalated_to=alert.escalated_to,
        escalated_division=alert.escalated_division,
        version=alert.version,
    )


def _case_of(alert: Alert) -> str:
    """The case the alert's steps belong to: its first case (else the alert itself)."""
    return alert.alert.case_ids[0] if alert.alert.case_ids else alert.id


async def _step(
    command: CommandRequest,
    alerts: Repository[Alert],
    alert_id: str,
    step: Callable[[Alert], None],
    reason: str,
) -> JSONResponse:
    """Take the step on the alert at its If-Match version, by an officer who covers it."""
    return await change(
        command,
        alerts,
        alert_id,
        authorise=in_jurisdiction(command, lambda alert: alert.division_code),
        act=lambda alert, _: step(alert),
        reason=reason,
        answer=_state,
        case_of=_case_of,
    )


@router.get(
    "/{alert_id}",
    response_model=AlertOut,
    summary="违规线索详情 One alert, its evidence and its stage (ETag: its version)",
    responses=problem_responses(401, 403, 404),
)
async def get_alert(
    alert_id: str, engine: Engine, principal: Principal = Depends(READERS)
) -> JSONResponse:
    """The alert as the read model holds it; 404 outside the caller's jurisdiction too."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text("SELECT * FROM alerts_view WHERE alert_id = :a"), {"a": alert_id}
            )
        ).first()
    if row is None:
        raise NotFound(f"alert {alert_id} does not exist", f"未找到违规线索 {alert_id}")
    data = dict(row._mapping)
    ensure_jurisdiction(principal, data["division_code"])
    read = AlertOut(**{k: data[k] for k in AlertOut.model_fields})
    return JSONResponse(read.model_dump(mode="json"), headers={"ETag": etag_for(read.version)})


@router.post(
    "/{alert_id}/acknowledgement",
    response_model=AlertState,
    summary="确认违规线索 Acknowledge an alert (If-Match: its version)",
    responses=_CHANGE_ERRORS,
)
async def acknowledge_alert(
    alert_id: str,
    body: AcknowledgementIn,
    command: Command,
    alerts: Alerts,
) -> JSONResponse:
    """An open or escalated alert is taken in hand by an officer who covers its division."""
    reason = "确认违规线索" + (f"：{body.note}" if body.note else "")
    return await _step(command, alerts, alert_id, lambda a: a.acknowledge(body.note), reason)


@router.post(
    "/{alert_id}/dismissal",
    response_model=AlertState,
    summary="排除违规线索 Dismiss an alert with a reason (If-Match: its version)",
    responses=_CHANGE_ERRORS,
)
async def dismiss_alert(
    alert_id: str,
    body: DismissalIn,
    command: Command,
    alerts: Alerts,
) -> JSONResponse:
    """Set aside for good: the detector never raises the same evidence key again. An
    irregularity the notice orders investigated (favouritism, averaging, redistribution,
    duplicate IDs, payments after death or termination, undeclared assets) is dismissed by an
    inspector or a city or province officer; the county's officer gets a 403
    `dismissal-needs-supervision` and may acknowledge or escalate it."""
    role = command.principal.role
    return await _step(
        command, alerts, alert_id, lambda a: a.dismiss(body.reason, role), body.reason
    )


@router.post(
    "/{alert_id}/escalation",
    response_model=AlertState,
    summary="上报违规线索 Escalate an alert to the city or the province (If-Match: its version)",
    responses=_CHANGE_ERRORS,
)
async def escalate_alert(
    alert_id: str,
    body: EscalationIn,
    command: Command,
    alerts: Alerts,
) -> JSONResponse:
    """The alert joins that level's queue (`GET /v1/alerts?escalated_to=…`), with the reason."""
    division = command.principal.division
    return await _step(
        command, alerts, alert_id, lambda a: a.escalate(body.to, division, body.reason), body.reason
    )
