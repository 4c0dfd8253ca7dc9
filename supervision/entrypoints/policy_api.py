"""Supervision's policy numbers (SUP-10, SUP-11): what is in force, and the province's settings.

GET shows each number in force today with its history; PUT records `supervision.PolicySet` with
the caller as actor and the body's reason (If-Match on the policy stream, `"0"` for the first).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

from shared.eventstore.envelope import RecordedEvent
from shared.http.auth import require_roles
from shared.http.commands import Command, change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import sends
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Today
from shared.policy import PROVINCE, PolicySet
from supervision.application.files import Files
from supervision.application.policies import SERVICE
from supervision.domain.policy_book import RULES, rule_named
from supervision.entrypoints.wiring import Policies

router = APIRouter(prefix="/v1/policy", tags=["policy 政策参数"])
READERS = require_roles(
    "inspector", "auditor", "county_officer", "city_officer", "province_officer"
)


class PolicyIn(BaseModel):
    """A new province-wide setting of one policy number, from a date, with the reason."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "value": 30,
                    "effective_from": "2027-04-01",
                    "reason": "省民政厅、省财政厅通知：中央和省级救助资金下达后30日内到位",
                }
            ]
        },
    )
    value: StrictStr | StrictInt | StrictFloat
    effective_from: date
    reason: StrictStr = Field(min_length=1, max_length=500)


class PolicySettingRead(BaseModel):
    """One setting of a policy number: value, from when, why, by whom."""

    version: int = Field(description="the policy stream's version that recorded it")
    value: str = Field(description="canonical text: an integer, a decimal or a word")
    scope: str = Field(description="62: the province")
    effective_from: date
    reason: str
    set_by: str | None = Field(description="staff id of who set it")
    recorded_at: str | None = Field(description="ISO 8601 instant it was recorded")


class PolicyNumberRead(BaseModel):
    """A policy number in force today, with every setting of it."""

    name: str
    description: str
    value: str = Field(description="canonical text: an integer, a decimal or a word")
    source: Literal["province", "default"] = Field(description="set by the province, or default")
    version: int = Field(description="the version of the setting in force (0: the default)")
    history: list[PolicySettingRead]


class PolicyBookRead(BaseModel):
    """Supervision's policy numbers in force on a day."""

    on: date
    stream_version: int = Field(description="the policy stream's version: If-Match of a PUT")
    policies: list[PolicyNumberRead]


def _view(setting: PolicySet, recorded: dict[int, RecordedEvent]) -> dict[str, Any]:
    event = recorded.get(setting.version)
    return {
        "version": setting.version,
        "value": setting.value,
        "scope": setting.scope,
        "effective_from": setting.effective_from.isoformat(),
        "reason": setting.reason,
        "set_by": event.metadata.actor.id if event else None,
        "recorded_at": event.recorded_at.isoformat() if event else None,
    }


@router.get(
    "",
    summary="政策参数 Supervision's policy numbers in force today, with history",
    response_model=PolicyBookRead,
    responses={**problem_responses(401, 403), **sends(200, "ETag")},
)
async def get_policy(
    response: Response, data: Policies, day: Today, principal: Principal = Depends(READERS)
) -> dict[str, Any]:
    """Each number: value, source (province or default), version and its settings."""
    book, recorded = await data.book(), await data.recorded()
    policies = []
    for name, rule in RULES.items():
        setting = book.effective(name, PROVINCE, day)
        policies.append(
            {
                "name": name,
                "description": rule.description,
                "value": setting.value if setting else data.defaults[name],
                "source": "province" if setting else "default",
                "version": setting.version if setting else 0,
                "history": [_view(s, recorded) for s in book.history(name, PROVINCE)],
            }
        )
    response.headers["ETag"] = etag_for(book.version)
    return {"on": day.isoformat(), "stream_version": book.version, "policies": policies}


@router.put(
    "/{name}",
    summary="设定政策参数 The province sets a policy number from a date",
    response_model=PolicySettingRead,
    responses=problem_responses(400, 401, 403, 404, 412, 422, 428),
)
async def set_policy(
    name: str,
    body: PolicyIn,
    command: Command,
    data: Policies,
    day: Today,
) -> JSONResponse:
    """Record `supervision.PolicySet` (If-Match: the policy stream's version, "0" at first)."""
    rule = rule_named(name)
    return await change(
        command,
        Files(data.repository),
        SERVICE,
        authorise=lambda _: None,  # the province: the access table's rule
        act=lambda book, _: book.set(
            rule, str(body.value), body.effective_from, PROVINCE, body.reason, day
        ),
        reason=body.reason,
        answer=lambda book: _view(book.settings[-1], {e.stream_version: e for e in book.appended}),
        case_of=no_case,  # a setting belongs to no case
    )
