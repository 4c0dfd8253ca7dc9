"""What every intake route shares: who may do what, and the metadata of caused events."""

from __future__ import annotations

from dataclasses import replace

from fastapi import Request

from intake.domain.programmes import DECIDING_ROLES
from shared.domain.errors import Forbidden
from shared.eventstore.envelope import EventMetadata, RecordedEvent
from shared.http.auth import RoleNotAllowed, ensure_jurisdiction
from shared.http.etag import etag_for
from shared.http.idempotency import StoredResponse
from shared.http.tokens import Principal

ACCEPTING_ROLES = ("township_officer",)
READING_ROLES = (
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)
# partner departments read the applications whose programmes they decide (ADR 0032)
AGENCY_ROLES = tuple(role for role in DECIDING_ROLES if role not in READING_ROLES)
APPLICATION_READERS = (*READING_ROLES, "partner_agency", *AGENCY_ROLES)


class VillageCommitteeCannotAccept(Forbidden):
    """INT-3: village and residents' committees may help a household, never accept or decide."""

    code = "village-committee-cannot-accept"
    title_en = "Village and residents' committees cannot accept applications"
    title_zh = "村（居）委会不得直接受理、审核申请"


def ensure_role(
    principal: Principal, roles: tuple[str, ...], action_zh: str, *, decides: bool = False
) -> None:
    """403 `role-not-allowed`; INT-3's own refusal when a village committee would decide."""
    if principal.role in roles:
        return
    if decides and principal.role == "village_committee":
        raise VillageCommitteeCannotAccept(
            "applications are accepted, reviewed and decided only by township/street offices and"
            " competent agencies; a village or residents' committee may help the household"
            " submit it there or report an urgent case",
            "申请由乡镇人民政府（街道办事处）受理、审核，村（居）委会可协助群众提交或报告急难情况，"
            f"但不得{action_zh}",
        )
    raise RoleNotAllowed(
        f"role {principal.role} may not do this; allowed roles: {', '.join(roles)}",
        f"角色 {principal.role} 无权{action_zh}；允许的角色：{'、'.join(roles)}",
        role=principal.role,
        allowed_roles=list(roles),
    )


def ensure_may_accept(principal: Principal, division_code: str) -> None:
    """Only a township/street officer accepts, and only within their own township (INT-3)."""
    ensure_role(principal, ACCEPTING_ROLES, "直接受理、审核申请", decides=True)
    ensure_jurisdiction(principal, division_code)


def with_case(metadata: EventMetadata, case_id: str) -> EventMetadata:
    """The same metadata naming the case."""
    return replace(metadata, case_id=case_id)


def accepted(resource_id: str, version: int, recorded: list[RecordedEvent]) -> StoredResponse:
    """200 with the new version as ETag, naming the events the command recorded."""
    body = {"id": resource_id, "version": version, "events": [e.type for e in recorded]}
    return StoredResponse(200, body, {"ETag": etag_for(version)})


def path_of(request: Request) -> str:
    """The request path (for Location headers)."""
    return request.url.path
