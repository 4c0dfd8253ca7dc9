"""Rough sleepers (流浪乞讨人员救助, INT-11): records of people met, help given, identification."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from intake.domain.rough_sleeper_events import RoughSleeperRegistered
from intake.domain.rough_sleepers import AidPoint, RoughSleeper
from intake.entrypoints.common import READING_ROLES, Accepted, ensure_role
from intake.entrypoints.reads import cursor_position, keyset_cursor, page_of
from intake.entrypoints.wiring import AidPoints, PseudonymKey, RoughSleepers
from intake.schemas import CommandAccepted
from intake.schemas_rough_sleepers import (
    HelpCreate,
    HelpRead,
    Identification,
    RoughSleeperCreate,
    RoughSleeperRead,
)
from shared.application.repository import Repository
from shared.domain.errors import NotFound
from shared.http.auth import current_principal, ensure_jurisdiction
from shared.http.commands import Command, change, create, in_jurisdiction
from shared.http.etag import etag_for
from shared.http.pagination import Page, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import jurisdiction_prefix
from shared.privacy import mask_resident_id, pseudonym

router = APIRouter(prefix="/v1", tags=["rough sleepers 流浪乞讨人员救助"])
_COMMANDS = problem_responses(400, 401, 403, 404, 409, 412, 422, 428)


class IdentificationAccepted(CommandAccepted):
    """The record is identified: its person's pseudonym names their help history."""

    person_id: str


@router.post(
    "/rough-sleepers",
    status_code=201,
    response_model=RoughSleeperRead,
    summary="登记流浪乞讨人员 Record a person met sleeping rough (identified or not)",
    responses=problem_responses(400, 401, 403, 422),
)
async def register_rough_sleeper(
    body: RoughSleeperCreate,
    records: RoughSleepers,
    pseudonym_key: PseudonymKey,
    command: Command,
) -> JSONResponse:
    """By resident ID, or for a person who cannot be identified by appearance and place."""
    ensure_jurisdiction(command.principal, body.division_code)
    record = RoughSleeper(str(uuid.uuid4()))
    record.register(RoughSleeperRegistered(record_id=record.id, **body.model_dump()))

    def answer(registered: RoughSleeper) -> RoughSleeperRead:
        row = {**body.model_dump(), "record_id": registered.id, "version": registered.version}
        return _read(row, pseudonym_key)

    return await create(
        command,
        records,
        record,
        reason="登记流浪乞讨人员",
        answer=answer,
        location=f"/v1/rough-sleepers/{record.id}",
    )


@router.get(
    "/rough-sleepers/{record_id}",
    response_model=RoughSleeperRead,
    summary="查询流浪乞讨人员记录 Get a record (resident ID masked)",
    responses=problem_responses(401, 403, 404),
)
async def get_rough_sleeper(
    record_id: str,
    response: Response,
    engine: Engine,
    pseudonym_key: PseudonymKey,
    principal: Principal = Depends(current_principal),
) -> RoughSleeperRead:
    """The record as the read model holds it, with its version as ETag."""
    ensure_role(principal, READING_ROLES, "查阅流浪乞讨人员记录")
    async with engine.connect() as conn:
        found = await conn.execute(
            text("SELECT * FROM rough_sleepers_view WHERE record_id = :id"), {"id": record_id}
        )
        row = found.first()
    if row is None:
        raise NotFound(f"record {record_id} not found", "未找到该流浪乞讨人员记录")
    ensure_jurisdiction(principal, row.division_code)
    response.headers["ETag"] = etag_for(row.version)
    return _read(dict(row._mapping), pseudonym_key)


@router.post(
    "/rough-sleepers/{record_id}/help",
    response_model=CommandAccepted,
    summary="记录救助 Record food, clothing or shelter given at a point in season (If-Match)",
    responses=_COMMANDS,
)
async def record_rough_sleeper_help(
    record_id: str,
    body: HelpCreate,
    records: RoughSleepers,
    points: AidPoints,
    day: Today,
    command: Command,
) -> JSONResponse:
    """One act of help, at an open point within one of its seasons, by the point's office."""
    kinds = tuple(dict.fromkeys(body.kinds))
    help_id = str(uuid.uuid4())

    async def give(record: RoughSleeper, conn: AsyncConnection) -> None:
        point = await _aid_point(points, body.aid_point_id, conn)
        # the point's jurisdiction, not the record's: a person may be helped far from it
        ensure_jurisdiction(command.principal, point.division_code)
        record.help(point, help_id, body.given_on, kinds, day)

    accepted = Accepted(give)
    return await change(
        command,
        records,
        record_id,
        authorise=_anywhere,
        act=accepted.act,
        reason=body.note or f"流浪乞讨人员救助：{'、'.join(kinds)}",
        answer=accepted.answer,
    )


@router.post(
    "/rough-sleepers/{record_id}/identification",
    response_model=IdentificationAccepted,
    summary="确认身份 Identify the person of a record: their help joins (If-Match)",
    responses=_COMMANDS,
)
async def identify_rough_sleeper(
    record_id: str,
    body: Identification,
    records: RoughSleepers,
    pseudonym_key: PseudonymKey,
    day: Today,
    command: Command,
) -> JSONResponse:
    """Name the person once; every help on the record joins their history."""
    accepted = Accepted[RoughSleeper](lambda record, _: record.identify(body.resident_id, day))

    def answer(record: RoughSleeper) -> IdentificationAccepted:
        person_id = pseudonym(body.resident_id, pseudonym_key)
        return IdentificationAccepted(**accepted.answer(record).model_dump(), person_id=person_id)

    return await change(
        command,
        records,
        record_id,
        authorise=in_jurisdiction(command, lambda record: record.division_code),
        act=accepted.act,
        reason=body.reason,
        answer=answer,
    )


@router.get(
    "/people/{person_id}/help-history",
    response_model=Page[HelpRead],
    summary="救助史 A person's help, from every record identified as them, in your jurisdiction",
    responses=problem_responses(400, 401, 403, 422),
)
async def list_help_history(
    person_id: str,
    engine: Engine,
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    principal: Principal = Depends(current_principal),
) -> Page[HelpRead]:
    """Oldest first; the person by pseudonym (never the resident ID in a URL or an answer)."""
    ensure_role(principal, READING_ROLES, "查阅救助史")
    where = "r.person_id = :person AND h.aid_point_division LIKE :prefix"
    params: dict[str, Any] = {
        "person": person_id,
        "prefix": jurisdiction_prefix(principal.division) + "%",
        "limit": limit + 1,
    }
    if cursor is not None:
        where += " AND (h.given_on, h.help_id) > (:at, :after)"
        params.update(cursor_position(cursor, date.fromisoformat))
    async with engine.connect() as conn:
        rows = await conn.execute(text(_HISTORY.format(where)), params)
        found = [dict(r._mapping) for r in rows]
    return page_of(found, limit, _help_read, lambda r: keyset_cursor(r["given_on"], r["help_id"]))


_HISTORY = (
    "SELECT h.* FROM rough_sleeper_help_view h JOIN rough_sleepers_view r USING (record_id)"
    " WHERE {} ORDER BY h.given_on, h.help_id LIMIT :limit"
)


def _anywhere(record: RoughSleeper) -> None:
    """Help is recorded on the record wherever it was made: the point's office is checked."""


async def _aid_point(
    points: Repository[AidPoint], aid_point_id: str, conn: AsyncConnection
) -> AidPoint:
    point = await points.find(aid_point_id, conn)
    if point is None:
        raise NotFound(
            f"aid point {aid_point_id} not found", "未找到该救助点", field="aid_point_id"
        )
    return point


def _read(row: dict[str, Any], pseudonym_key: bytes) -> RoughSleeperRead:
    resident_id = row.get("resident_id")
    return RoughSleeperRead(
        record_id=row["record_id"],
        version=row["version"],
        division_code=row["division_code"],
        identified=resident_id is not None,
        person_id=pseudonym(resident_id, pseudonym_key) if resident_id else None,
        resident_id_masked=mask_resident_id(resident_id) if resident_id else None,
        appearance=row.get("appearance"),
        found_address=row.get("found_address"),
        stated_name=row.get("stated_name"),
        identified_on=row.get("identified_on"),
    )


def _help_read(row: dict[str, Any]) -> HelpRead:
    return HelpRead(**{k: row[k] for k in HelpRead.model_fields})
