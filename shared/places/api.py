"""Places by name over HTTP, mounted on every service by the kernel (`shared.runtime.wire`).

Read only, for any authenticated caller: names are public. Province, cities and counties come
from gansu-divisions.csv; townships and villages from the service's own copy of the register.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel

from shared.domain.errors import NotFound
from shared.http.auth import current_principal
from shared.http.pagination import Page, encode_cursor, page_cursor, page_limit
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import divisions
from shared.places.names import NamedPlace, ancestors, resolve
from shared.places.store import registered_children

router = APIRouter(prefix="/v1/places", tags=["places 行政区划"])
CODE_PATTERN = r"^([0-9]{6}|[0-9]{9}|[0-9]{12})$"
CODE_HELP = "GB/T 2260 county code (6 digits), township (9) or village (12, NBS statistical code)"


class UnknownPlace(NotFound):
    """No division of the province and no registered place has this code."""

    code = "unknown-place"
    title_en = "Unknown place"
    title_zh = "无此行政区划"


class PlaceLink(BaseModel):
    """A place on the chain of parents."""

    code: str
    name: str
    level: str


class PlaceSummary(PlaceLink):
    """A place with its validity; `in_force` is judged on the service's today."""

    valid_from: date | None = None
    valid_to: date | None = None
    in_force: bool


class PlaceRead(PlaceSummary):
    """A place with its parent and every ancestor up to the province, nearest first."""

    parent: str | None
    chain: list[PlaceLink]


def _summary(place: NamedPlace, day: date) -> PlaceSummary:
    return PlaceSummary(
        code=place.code,
        name=place.name,
        level=place.level,
        valid_from=place.valid_from,
        valid_to=place.valid_to,
        in_force=place.in_force_on(day),
    )


def _unknown(code: str) -> UnknownPlace:
    return UnknownPlace(f"no place has the code {code}", f"无代码为 {code} 的行政区划", place=code)


@router.get(
    "/{code}",
    response_model=PlaceRead,
    responses=problem_responses(401, 404, 422),
    summary="行政区划 A place by code: name, level, parents, validity",
)
async def get_place(
    engine: Engine,
    day: Today,
    code: str = Path(pattern=CODE_PATTERN, description=CODE_HELP),
    _: Principal = Depends(current_principal),
) -> PlaceRead:
    """The place's name and level, its parents up to the province with names, its validity."""
    async with engine.connect() as conn:
        place = await resolve(conn, code)
        if place is None:
            raise _unknown(code)
        chain = await ancestors(conn, place)
    summary = _summary(place, day)
    links = [PlaceLink(code=p.code, name=p.name, level=p.level) for p in chain]
    return PlaceRead(**summary.model_dump(), parent=place.parent, chain=links)


@router.get(
    "",
    response_model=Page[PlaceSummary],
    responses=problem_responses(400, 401, 404, 422),
    summary="下级行政区划 The places directly under a place (cursor pages)",
)
async def list_places(
    engine: Engine,
    day: Today,
    parent: str = Query(pattern=CODE_PATTERN, description=CODE_HELP),
    limit: int = Depends(page_limit),
    cursor: dict[str, Any] | None = Depends(page_cursor),
    _: Principal = Depends(current_principal),
) -> Page[PlaceSummary]:
    """Cities of the province, counties of a city, registered townships or villages, by code."""
    after = str(cursor.get("after", "")) if cursor else None
    async with engine.connect() as conn:
        found = await resolve(conn, parent)
        if found is None:
            raise _unknown(parent)
        children = [
            NamedPlace(d.code, d.name or d.code, d.level, d.parent)
            for d in divisions().children(found.code)
            if after is None or d.code > after
        ][: limit + 1]
        if len(children) <= limit:
            registered = await registered_children(conn, found.code, after, limit + 1)
            children += [
                NamedPlace(p.code, p.name, p.level, p.parent, p.valid_from, p.valid_to)
                for p in registered
            ]
    page = children[:limit]
    more = len(children) > limit
    return Page(
        items=[_summary(p, day) for p in page],
        next_cursor=encode_cursor({"after": page[-1].code}) if more else None,
    )
