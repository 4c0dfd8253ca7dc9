"""The places register in a service's own database: load a file whole, look places up by code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from shared.places.register import Place, PlacesFile, PlacesFileRefused, parse_places

LOAD_LOCK_KEY = 7_310_003  # serialises loads of the register (advisory transaction lock)
_COLUMNS = "code, name, level, parent, valid_from, valid_to"


@dataclass(frozen=True)
class LoadReport:
    """What one load did: its id, the file's digest and the rows added, changed or unchanged."""

    load_id: int
    sha256: str
    row_count: int
    added: int
    changed: int


async def check_places(conn: AsyncConnection, content: bytes) -> PlacesFile:
    """Parse and check a file against what `conn`'s register holds; raise PlacesFileRefused."""
    parsed = parse_places(content)
    rejects = list(parsed.rejects)
    if parsed.rows:
        registered = await _registered_townships(conn, parsed.outside_parents())
        rejects += parsed.village_parents_missing(registered)
    if rejects:
        raise PlacesFileRefused(sorted(rejects, key=lambda r: (r.row, r.field)))
    return parsed


async def load_places(
    engine: AsyncEngine, content: bytes, *, file_name: str, loaded_by: str, at: datetime
) -> LoadReport:
    """Load a whole file in one transaction, or nothing (PlacesFileRefused with every reject).

    Places of the file are added or updated (a reload closes a place by giving it a valid_to);
    places the file does not mention are left as they are. Each load is recorded in places_loads.
    """
    async with engine.begin() as conn:
        await conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOAD_LOCK_KEY})
        parsed = await check_places(conn, content)
        places = list(parsed.rows.values())
        load_id = (
            await conn.execute(
                text(
                    "INSERT INTO places_loads (loaded_at, loaded_by, file_name, sha256, row_count)"
                    " VALUES (:at, :by, :file, :sha, :n) RETURNING id"
                ),
                {
                    "at": at,
                    "by": loaded_by,
                    "file": file_name,
                    "sha": parsed.sha256,
                    "n": len(places),
                },
            )
        ).scalar_one()
        before = await _existing(conn, [p.code for p in places])
        await conn.execute(
            text(
                f"INSERT INTO places ({_COLUMNS}, load_id) VALUES (:code, :name, :level, :parent,"
                " :valid_from, :valid_to, :load_id) ON CONFLICT (code) DO UPDATE SET"
                " name = excluded.name, valid_from = excluded.valid_from,"
                " valid_to = excluded.valid_to, load_id = excluded.load_id"
            ),
            [{**_params(p), "load_id": load_id} for p in places],
        )
    changed = sum(1 for p in places if p.code in before and before[p.code] != p)
    return LoadReport(load_id, parsed.sha256, len(places), len(places) - len(before), changed)


def _params(place: Place) -> dict[str, Any]:
    return {
        "code": place.code,
        "name": place.name,
        "level": place.level,
        "parent": place.parent,
        "valid_from": place.valid_from,
        "valid_to": place.valid_to,
    }


def _place(row: Any) -> Place:
    return Place(row.code, row.name, row.level, row.parent, row.valid_from, row.valid_to)


async def _existing(conn: AsyncConnection, codes: Sequence[str]) -> dict[str, Place]:
    if not codes:
        return {}
    query = text(f"SELECT {_COLUMNS} FROM places WHERE code IN :codes").bindparams(
        bindparam("codes", expanding=True)
    )
    return {r.code: _place(r) for r in await conn.execute(query, {"codes": list(codes)})}


async def _registered_townships(conn: AsyncConnection, codes: set[str]) -> set[str]:
    found = await _existing(conn, sorted(codes))
    return {code for code, place in found.items() if place.level == "township"}


async def find_place(conn: AsyncConnection, code: str) -> Place | None:
    """The registered township or village with this code."""
    row = (
        await conn.execute(text(f"SELECT {_COLUMNS} FROM places WHERE code = :c"), {"c": code})
    ).first()
    return _place(row) if row else None


async def registered_children(
    conn: AsyncConnection, parent: str, after: str | None, limit: int
) -> list[Place]:
    """Registered places directly under `parent`, in code order, after the code `after`."""
    rows = await conn.execute(
        text(
            f"SELECT {_COLUMNS} FROM places WHERE parent = :p AND code > :after"
            " ORDER BY code LIMIT :n"
        ),
        {"p": parent, "after": after or "", "n": limit},
    )
    return [_place(r) for r in rows]


async def county_is_registered(conn: AsyncConnection, county: str) -> bool:
    """True once any township of the county has been loaded into the register."""
    query = text("SELECT EXISTS (SELECT 1 FROM places WHERE parent = :c AND level = 'township')")
    return bool((await conn.execute(query, {"c": county})).scalar_one())


async def township_standing(conn: AsyncConnection, code: str, day: date) -> str:
    """`unregistered` (its county has no register), `in-force`, `unknown`, or `not-in-force`."""
    if not await county_is_registered(conn, code[:6]):
        return "unregistered"
    place = await find_place(conn, code)
    if place is None or place.level != "township":
        return "unknown"
    return "in-force" if place.in_force_on(day) else "not-in-force"
