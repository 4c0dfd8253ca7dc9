"""What every intake route shares: who may do what, and the answer of a change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from intake.domain.programmes import DECIDING_ROLES, PARTNER_DECISIONS
from intake.schemas import CommandAccepted
from shared.domain.aggregate import Aggregate
from shared.domain.errors import Forbidden
from shared.http.auth import RoleNotAllowed, ensure_jurisdiction
from shared.http.commands import Act
from shared.http.tokens import Principal

A = TypeVar("A", bound=Aggregate)

ACCEPTING_ROLES = ("township_officer",)
READING_ROLES = (
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)
# partner departments read the applications whose programmes they decide (ADR 0032); the generic
# `partner_agency` client submits and decides none, so it reads none (ADR 0065)
AGENCY_ROLES = tuple(role for role in DECIDING_ROLES if role not in READING_ROLES)
APPLICATION_READERS = (*READING_ROLES, *AGENCY_ROLES)


def programmes_read_by(principal: Principal) -> list[str] | None:
    """The programmes whose applications a partner department may read: those it decides
    (ADR 0032). None: the role reads every application in its jurisdiction."""
    if principal.role not in AGENCY_ROLES:
        return None
    return sorted(
        str(programme)
        for programme, rule in PARTNER_DECISIONS.items()
        if rule.deciding_role == principal.role
    )


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


@dataclass(frozen=True)
class Accepted(Generic[A]):
    """A change's domain step, and its answer (`CommandAccepted`): the resource, its new version
    and the types of the events the step recorded. For the kernel's `change`:

        accepted = Accepted(lambda case, _: case.respond(now, body.response))
        return await change(command, cases, case_id, authorise=..., act=accepted.act,
                            reason=body.response, answer=accepted.answer)
    """

    act: Act[A]
    resource_id: str | None = None
    """The resource the answer names when it is not the aggregate (a new charity referral)."""

    def answer(self, aggregate: A) -> CommandAccepted:
        """The resource at its new version, with the events the step recorded."""
        events = [event.type for event in aggregate.appended]
        return CommandAccepted(
            id=self.resource_id or aggregate.id, version=aggregate.version, events=events
        )
