"""What every verification route shares: levels of government, metadata, the command runner."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.domain.errors import ConcurrencyConflict
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import request_metadata
from shared.http.etag import (
    PreconditionFailed,
    etag_for,
    expected_version_from_if_match,
    precondition_failed_from,
)
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.tokens import Principal
from verification.application.service import Verification
from verification.domain.case import VerificationCase
from verification.domain.errors import VillageCommitteeCannotDecide, WrongLevel
from verification.entrypoints.views import case_detail
from verification.entrypoints.wiring import VerificationService

TOWNSHIP = "township"
COUNTY = "county"
_ROLE_OF_LEVEL = {TOWNSHIP: "township_officer", COUNTY: "county_officer"}
_LEVEL_ZH = {TOWNSHIP: "乡镇（街道）", COUNTY: "县级民政部门"}

CaseAction = Callable[[VerificationCase, AsyncConnection], Awaitable[None]]


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


def check_version(expected: int | None, actual: int) -> None:
    """412 when If-Match names a version that is no longer current."""
    if expected is not None and expected != actual:
        raise PreconditionFailed(
            f"the resource is at version {actual}, If-Match named {expected}",
            f"资源当前版本为 {actual}，If-Match 指定的版本为 {expected}",
            current_etag=etag_for(actual),
            expected_version=expected,
            actual_version=actual,
        )


@dataclass(frozen=True)
class CaseCommand:
    """A command on one case as its route received it: the request, who asks, the Idempotency-Key,
    the case's path and the wired service. Routes take it with `Depends(case_command)` and `run`
    their action."""

    request: Request
    verification: Verification
    principal: Principal
    key: str
    case_id: str
    programme: str

    async def run(
        self, level: str | None, reason: str, action: CaseAction, *, if_match_required: bool = True
    ) -> JSONResponse:
        """Load the case, check level (None: jurisdiction only) and version, run the action, save;
        idempotent by key."""
        request, principal, case_id = self.request, self.principal, self.case_id
        expected = expected_version_from_if_match(request, required=if_match_required)
        verification = self.verification

        async def operation(conn: AsyncConnection) -> StoredResponse:
            case = await verification.case(case_id, self.programme, conn)
            assert case.opened is not None
            if level is not None:
                ensure_level(principal, level, case.opened.division_code)
            else:
                ensure_jurisdiction(principal, case.opened.division_code)
            check_version(expected, case.version)
            await action(case, conn)
            metadata = request_metadata(principal, reason, case_id)
            try:
                await verification.save(case, metadata, conn)
            except ConcurrencyConflict as conflict:
                raise precondition_failed_from(conflict) from None
            detail = case_detail(case, verification.policy)
            return StoredResponse(
                200, detail.model_dump(mode="json"), {"ETag": etag_for(case.version)}
            )

        return await respond_idempotently(
            request, client_id=principal.client_id, key=self.key, operation=operation
        )


async def case_command(
    case_id: str,
    programme: str,
    request: Request,
    verification: VerificationService,
    principal: Principal = Depends(current_principal),
    key: str = Depends(idempotency_key),
) -> CaseCommand:
    """The route's case command: its path, the caller's token, the Idempotency-Key and the
    wired service."""
    return CaseCommand(request, verification, principal, key, case_id, programme)
