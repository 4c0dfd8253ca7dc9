"""Inbound life events from partner departments: deaths reported by public security (VER-7)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.http.commands import Command
from shared.http.idempotency import StoredResponse
from shared.http.openapi import IF_MATCH_UNUSED
from shared.http.problems import problem_responses
from shared.http.wiring import Today
from shared.identity import jurisdiction_prefix, validate_resident_id
from verification.application.life_events import apply_life_event
from verification.domain.errors import ImpossibleDeathDate
from verification.entrypoints.wiring import VerificationService
from verification.schemas import LifeEventIn, LifeEventsIn, LifeEventsRead

router = APIRouter(prefix="/v1", tags=["partner life events 部门数据推送"])


@router.post(
    "/life-events",
    response_model=LifeEventsRead,
    summary="死亡信息推送 Deaths reported by public security, in bulk (VER-7)",
    responses=problem_responses(400, 401, 403, 409, 422, 428),
    openapi_extra=IF_MATCH_UNUSED,
)
async def report_life_events(
    body: LifeEventsIn, command: Command, verification: VerificationService, today: Today
) -> JSONResponse:
    """Each record is applied to every case of the person within the caller's jurisdiction, at
    any stage: before approval it blocks approval; on a running benefit payment stops from the
    month after the death and the termination review opens. Unknown people are `unmatched`; a
    known `source_ref` changes nothing (`repeated`). A death after today (China's date) or
    before the person's birth refuses the whole feed, naming the record."""
    for index, record in enumerate(body.records):
        _ensure_possible(record, index, today)
    prefix = jurisdiction_prefix(command.principal.division)
    reason = "公安部门推送死亡信息 (death reported by public security)"

    async def operation(conn: AsyncConnection) -> StoredResponse:
        metadata = command.metadata(reason)
        results = [
            await apply_life_event(verification, record, prefix, metadata, conn)
            for record in body.records
        ]
        matched = sum(1 for r in results if r.outcome == "matched")
        answer = LifeEventsRead(results=results, matched=matched, unmatched=len(results) - matched)
        return StoredResponse(200, answer.model_dump(mode="json"), {})

    return await command.respond(operation)


def _ensure_possible(record: LifeEventIn, index: int, today: date) -> None:
    """A death on a day the person lived: from the birth date in the ID up to today."""
    born = validate_resident_id(record.resident_id).birth_date
    if not born <= record.died_on <= today:
        field = f"records.{index}.died_on"
        raise ImpossibleDeathDate(
            f"{field}: {record.died_on} is not between the birth date in the resident ID and"
            f" today ({today})",
            f"{field}：死亡日期{record.died_on}须在身份证号所载出生日期与今日（{today}）之间",
            field=field,
        )
