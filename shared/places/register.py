"""The places register's file: townships and villages read from CSV and checked row by row.

Pure: no I/O beyond the bytes handed in. Row numbers are the file's lines as a spreadsheet shows
them (the header is row 1, the first place row 2); row 0 stands for the file as a whole.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Literal

from shared.identity import divisions

PlaceLevel = Literal["township", "village"]
COLUMNS = ("code", "name", "level", "parent", "valid_from", "valid_to")
MAX_NAME = 100
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_Refuse = Callable[[str, str], None]  # refuse(field, reason)


@dataclass(frozen=True)
class Place:
    """A township (street) or village (community) with its validity; valid_to is inclusive."""

    code: str
    name: str
    level: PlaceLevel
    parent: str
    valid_from: date
    valid_to: date | None = None

    def in_force_on(self, day: date) -> bool:
        """True when the place exists on `day` (from valid_from to valid_to, both included)."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


@dataclass(frozen=True)
class Reject:
    """Why one row (or the file, row 0) is refused: the field named and the reason."""

    row: int
    field: str
    reason: str


class PlacesFileRefused(Exception):
    """A places file with at least one bad row: the whole file is refused, nothing is loaded."""

    def __init__(self, rejects: list[Reject]) -> None:
        super().__init__(f"places file refused: {len(rejects)} reject(s)")
        self.rejects = rejects

    def report(self) -> str:
        """One line per reject: `row N, field: reason`."""
        return "\n".join(f"row {r.row}, {r.field}: {r.reason}" for r in self.rejects)


@dataclass(frozen=True)
class PlacesFile:
    """A parsed file: its places by row number, its SHA-256 and the rejects found on its own."""

    rows: dict[int, Place]
    sha256: str
    rejects: list[Reject]

    def village_parents_missing(self, registered_townships: Collection[str]) -> list[Reject]:
        """Villages whose township is neither in this file nor in `registered_townships`."""
        townships = {p.code for p in self.rows.values() if p.level == "township"}
        return [
            Reject(row, "parent", f"township {p.parent} is neither in the file nor registered")
            for row, p in self.rows.items()
            if p.level == "village"
            and p.parent not in townships
            and p.parent not in registered_townships
        ]

    def outside_parents(self) -> set[str]:
        """The townships that villages of the file hang under but the file does not list."""
        townships = {p.code for p in self.rows.values() if p.level == "township"}
        return {p.parent for p in self.rows.values() if p.level == "village"} - townships


def normalise_code(code: str) -> str:
    """NBS pads township codes to 12 digits (620102001000): the register keeps the 9-digit form."""
    return code[:9] if len(code) == 12 and code.endswith("000") else code


def parse_places(content: bytes) -> PlacesFile:
    """Read a `code,name,level,parent,valid_from,valid_to` CSV (UTF-8, BOM allowed) and check it."""
    sha256 = hashlib.sha256(content).hexdigest()
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        return PlacesFile({}, sha256, [Reject(0, "file", f"not UTF-8 ({bad.reason})")])
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or tuple(h.strip() for h in header) != COLUMNS:
        return PlacesFile({}, sha256, [Reject(1, "header", f"expected {','.join(COLUMNS)}")])
    rows: dict[int, Place] = {}
    rejects: list[Reject] = []
    seen: dict[str, int] = {}
    for number, values in enumerate(reader, start=2):
        if not any(v.strip() for v in values):
            continue  # a blank line
        place, problems = _row(number, values)
        if place is not None and place.code in seen:
            problems.append(Reject(number, "code", f"repeats row {seen[place.code]}"))
        if problems or place is None:
            rejects.extend(problems)
            continue
        seen[place.code] = number
        rows[number] = place
    if not rows and not rejects:
        rejects.append(Reject(0, "file", "no places in the file"))
    return PlacesFile(rows, sha256, rejects)


def _row(number: int, values: list[str]) -> tuple[Place | None, list[Reject]]:
    if len(values) != len(COLUMNS):
        return None, [Reject(number, "row", f"{len(values)} fields, expected {len(COLUMNS)}")]
    field = dict(zip(COLUMNS, (v.strip() for v in values), strict=True))
    rejects: list[Reject] = []

    def refuse(name: str, reason: str) -> None:
        rejects.append(Reject(number, name, reason))

    level = field["level"]
    if level not in ("township", "village"):
        refuse("level", "must be township or village")
    code = normalise_code(field["code"])
    parent = normalise_code(field["parent"])
    if level == "township":
        _check_township(code, parent, refuse)
    elif level == "village":
        _check_village(code, parent, refuse)
    _check_name(field["name"], refuse)
    valid_from = _date(field["valid_from"], "valid_from", refuse, required=True)
    valid_to = _date(field["valid_to"], "valid_to", refuse, required=False)
    if valid_from and valid_to and valid_to < valid_from:
        refuse("valid_to", f"{valid_to} is before valid_from {valid_from}")
    if rejects or valid_from is None:
        return None, rejects
    place = Place(code, field["name"], level, parent, valid_from, valid_to)  # type: ignore[arg-type]
    return place, []


def _check_township(code: str, parent: str, refuse: _Refuse) -> None:
    if not (len(code) == 9 and code.isascii() and code.isdigit()):
        refuse("code", "a township code has 9 digits (or 12 ending in 000)")
        return
    if code[6:] == "000":
        refuse("code", "the township part may not be 000")
    if parent != code[:6]:
        refuse("parent", f"a township's parent is its county {code[:6]}")
    elif not divisions().hosts_townships(parent):
        refuse("parent", f"{parent} is not a county of the province (gansu-divisions.csv)")


def _check_village(code: str, parent: str, refuse: _Refuse) -> None:
    if not (len(code) == 12 and code.isascii() and code.isdigit()):
        refuse("code", "a village code has 12 digits")
        return
    if code[9:] == "000" or code[6:9] == "000":
        refuse("code", "neither the township part nor the village part may be 000")
    if parent != code[:9]:
        refuse("parent", f"a village's parent is its township {code[:9]}")


def _check_name(name: str, refuse: _Refuse) -> None:
    if not name:
        refuse("name", "a name is required")
    elif len(name) > MAX_NAME:
        refuse("name", f"longer than {MAX_NAME} characters")
    elif any(unicodedata.category(ch).startswith("C") for ch in name):
        refuse("name", "contains a control or invisible character")


def _date(value: str, name: str, refuse: _Refuse, *, required: bool) -> date | None:
    if not value:
        if required:
            refuse(name, "a date (YYYY-MM-DD) is required")
        return None
    if not _DATE.fullmatch(value):
        refuse(name, f"{value!r} is not a date YYYY-MM-DD")
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        refuse(name, f"{value!r} is not a real date")
        return None
