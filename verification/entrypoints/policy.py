"""Policy numbers the province (or a county) sets as data: the notice period, the spot-check rate.

GET shows what is in force today for a division, with version, date, who set it and why, and the
history; PUT records a new setting (Idempotency-Key; If-Match once the policy stream exists).
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr

from shared.eventstore.envelope import Actor, RecordedEvent
from shared.http.auth import RoleNotAllowed, ensure_jurisdiction
from shared.http.commands import Command, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS, sends
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.identity import DivisionCodeStr
from shared.policy import PROVINCE, PolicySet, UnknownPolicy, normalise_scope, role_to_set
from verification.application.policies import SERVICE, PolicyData
from verification.domain.policy_book import RULES, VerificationPolicy
from verification.entrypoints.api import READERS
from verification.entrypoints.wiring import VerificationService

router = APIRouter(prefix="/v1/policy", tags=["policy 政策参数"])


class PolicyIn(BaseModel):
    """A new setting of one policy number for the province (62) or one county, from a date."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "value": "0.35",
                    "effective_from": "2027-04-01",
                    "scope": "62",
                    "reason": "省民政厅通知：自2027年4月起县级审批入户抽查比例提高至35%",
                }
            ]
        },
    )

    value: StrictStr | StrictInt | StrictFloat = Field(
        description="notice_period_days: whole days; spot_check_rate: a decimal from 0.30 to 1;"
        " child_allowance_age_limit: whole years from 18 to 25 (province only)"
    )
    effective_from: date
    scope: StrictStr = Field(min_length=1, max_length=12, description="62 or a county code")
    reason: StrictStr = Field(min_length=1, max_length=500)


class SettingView(BaseModel):
    """One recorded setting: its value, scope, date, and who set it and why."""

    version: int
    value: str
    scope: str
    effective_from: date
    reason: str
    set_by: Actor | None
    recorded_at: str | None


class PolicyValue(BaseModel):
    """A policy number in force: from the province, the county, or the deployment default."""

    name: str
    description: str
    value: str
    source: str  # province | county | default
    version: int  # 0: the deployment default
    effective_from: date | None
    scope: str | None
    reason: str | None
    set_by: Actor | None
    history: list[SettingView]


class PolicyRead(BaseModel):
    """The verification policy in force on a day for a division."""

    division: str
    on: date
    stream_version: int
    policies: list[PolicyValue]


def _view(setting: PolicySet, recorded: dict[int, RecordedEvent]) -> SettingView:
    event = recorded.get(setting.version)
    return SettingView(
        version=setting.version,
        value=setting.value,
        scope=setting.scope,
        effective_from=setting.effective_from,
        reason=setting.reason,
        set_by=event.metadata.actor if event else None,
        recorded_at=event.recorded_at.isoformat() if event else None,
    )


def _source(current: SettingView | None) -> str:
    if current is None:
        return "default"
    return "province" if current.scope == PROVINCE else "county"


async def _read(data: PolicyData, division: str, day: date) -> PolicyRead:
    book = await data.book()
    recorded = await data.recorded()
    values = []
    for name, rule in RULES.items():
        setting = book.effective(name, division, day)
        history = [_view(s, recorded) for s in book.history(name, division)]
        current = _view(setting, recorded) if setting else None
        values.append(
            PolicyValue(
                name=name,
                description=rule.description,
                value=current.value if current else data.defaults[name],
                source=_source(current),
                version=current.version if current else 0,
                effective_from=current.effective_from if current else None,
                scope=current.scope if current else None,
                reason=current.reason if current else None,
                set_by=current.set_by if current else None,
                history=history,
            )
        )
    return PolicyRead(division=division, on=day, stream_version=book.version, policies=values)


@router.get(
    "",
    response_model=PolicyRead,
    summary="政策参数 The policy numbers in force today for a division, with their history",
    responses={**problem_responses(401, 403, 422), **sends(200, "ETag")},
)
async def get_policy(
    verification: VerificationService,
    response: Response,
    division: DivisionCodeStr | None = Query(None, description="default: the caller's division"),
    principal: Principal = Depends(READERS),
) -> PolicyRead:
    """Values in force today (the service's clock); the ETag is the policy stream's version."""
    where = division or principal.division
    ensure_jurisdiction(principal, where)
    read = await _read(verification.policies, where, verification.today())
    response.headers["ETag"] = etag_for(read.stream_version)
    return read


def _ensure_may_set(principal: Principal, scope: str) -> None:
    """The province sets scope 62; a county officer sets its own county's override only."""
    wanted = role_to_set(scope)
    if principal.role != wanted:
        raise RoleNotAllowed(
            f"scope {scope} is set by a {wanted}, not a {principal.role}",
            f"适用范围 {scope} 的政策参数由 {wanted} 设定，角色 {principal.role} 无权设定",
            role=principal.role,
            allowed_roles=[wanted],
        )
    ensure_jurisdiction(principal, scope)


@router.put(
    "/{name}",
    response_model=SettingView,
    summary="设定政策参数 Set a policy number from a date (province, or a county's override)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def set_policy(
    name: str, body: PolicyIn, command: Command, verification: VerificationService
) -> JSONResponse:
    """Record `<service>.PolicySet` with the caller as actor and the body's reason (GEN-4)."""
    rule = RULES.get(name)
    if rule is None:
        raise UnknownPolicy(
            f"no policy {name!r}; known: {', '.join(RULES)}", f"无政策参数 {name}", field="name"
        )
    scope = normalise_scope(body.scope)
    value = str(body.value)

    def answer(book: VerificationPolicy) -> SettingView:
        setting = book.settings[-1]
        return _view(setting, {setting.version: book.appended[-1]})

    return await create_or_change(
        command,
        verification.policies.repository,
        SERVICE,
        new=lambda: VerificationPolicy(SERVICE),
        authorise=lambda _: _ensure_may_set(command.principal, scope),
        act=lambda book, _: book.set(
            rule, value, body.effective_from, scope, body.reason, verification.today()
        ),
        reason=body.reason,
        answer=answer,
        case_of=no_case,  # a setting belongs to no case
    )
