"""What verification's routes share: the levels of government, and the pieces of a command on a
case that the kernel's `change` (shared.http.commands) takes: who may act, which case the events
belong to, and the answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from shared.domain.aggregate import Aggregate
from shared.http.auth import ensure_jurisdiction
from shared.http.commands import Answer, Authorise, CommandRequest
from shared.http.tokens import Principal
from verification.application.service import Verification
from verification.domain.case import VerificationCase
from verification.domain.errors import VillageCommitteeCannotDecide, WrongLevel
from verification.entrypoints.views import case_detail

TOWNSHIP = "township"
COUNTY = "county"
_ROLE_OF_LEVEL = {TOWNSHIP: "township_officer", COUNTY: "county_officer"}
_LEVEL_ZH = {TOWNSHIP: "乡镇（街道）", COUNTY: "县级民政部门"}

Located = TypeVar("Located", bound=Aggregate)


def ensure_level(principal: Principal, level: str, division_code: str) -> None:
    """Township investigates and reviews; county approves; village committees never (主体责任)."""
    if principal.role == "village_committee":
        raise VillageCommitteeCannotDecide(
            "village and residents' committees may help households but may not investigate,"
            " review or decide; the township reviews and the county approves",
            "村（居）委会可协助群众，但不得直接受理审核；由乡镇（街道）审核、县级民政部门审批",
            role=principal.role,
        )
    wanted = _ROLE_OF_LEVEL[level]
    if principal.role != wanted:
        raise WrongLevel(
            f"this step is done by a {wanted}, not a {principal.role}",
            f"该事项由{_LEVEL_ZH[level]}办理，角色 {principal.role} 无权办理",
            role=principal.role,
            required_role=wanted,
        )
    ensure_jurisdiction(principal, division_code)


def at_level(
    command: CommandRequest, level: str, division_of: Callable[[Located], str]
) -> Authorise[Located]:
    """The `authorise` of a step done at one level of government: by that level's officer, on
    an aggregate whose division lies within the officer's."""
    return lambda aggregate: ensure_level(command.principal, level, division_of(aggregate))


def case_division(case: VerificationCase) -> str:
    """Where the household of the case lives."""
    assert case.opened is not None
    return case.opened.division_code


def case_id_of(case: VerificationCase) -> str:
    """The application's case id, which a case's events belong to (its aggregate's id also names
    the programme)."""
    assert case.opened is not None
    return case.opened.case_id


def detail_of(verification: Verification) -> Answer[VerificationCase]:
    """The answer to a command on a case: its detail, with its working-day clocks."""
    return lambda case: case_detail(case, verification.policy)
