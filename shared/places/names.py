"""Places by name: province, cities and counties from gansu-divisions.csv, the rest registered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.identity import Division, divisions
from shared.places.register import normalise_code
from shared.places.store import find_place


@dataclass(frozen=True)
class NamedPlace:
    """A division of any level with its name; dates only for registered places."""

    code: str
    name: str
    level: str
    parent: str | None
    valid_from: date | None = None
    valid_to: date | None = None

    def in_force_on(self, day: date) -> bool:
        """True when the place exists on `day` (a GB/T 2260 division always does here)."""
        started = self.valid_from is None or self.valid_from <= day
        return started and (self.valid_to is None or day <= self.valid_to)


def canonical_code(code: str) -> str:
    """The register's form of a code: NBS 12-digit padding of a county or township removed."""
    if len(code) == 12 and code.endswith("000000"):
        return code[:6]
    return normalise_code(code)


def _from_division(division: Division) -> NamedPlace:
    return NamedPlace(
        division.code, division.name or division.code, division.level, division.parent
    )


async def resolve(conn: AsyncConnection, code: str) -> NamedPlace | None:
    """The place with this code (6, 9 or 12 digits), or None when nobody knows it."""
    code = canonical_code(code)
    if len(code) == 6:
        division = divisions().get(code)
        return _from_division(division) if division else None
    place = await find_place(conn, code)
    if place is None:
        return None
    return NamedPlace(
        place.code, place.name, place.level, place.parent, place.valid_from, place.valid_to
    )


async def ancestors(conn: AsyncConnection, place: NamedPlace) -> list[NamedPlace]:
    """The place's parents, nearest first, up to the province (as far as they are known)."""
    chain: list[NamedPlace] = []
    parent = place.parent
    while parent:
        found = await resolve(conn, parent)
        if found is None:
            break
        chain.append(found)
        parent = found.parent
    return chain


async def names_by_level(conn: AsyncConnection, code: str) -> dict[str, str]:
    """Level → name for the place and its ancestors that are known (e.g. village, township)."""
    code = canonical_code(code)
    place = await resolve(conn, code)
    if place is None:  # an unregistered village may still lie in a registered township
        if len(code) <= 6:
            return {}
        return await names_by_level(conn, code[:9] if len(code) == 12 else code[:6])
    return {p.level: p.name for p in [place, *await ancestors(conn, place)]}
