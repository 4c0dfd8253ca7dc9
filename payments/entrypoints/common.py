"""Helpers shared by payments' routes: who reads, whom a command is for, how it answers."""

from __future__ import annotations

from collections.abc import Callable

from shared.http.auth import ensure_jurisdiction
from shared.http.commands import CommandRequest

READERS = ("county_officer", "city_officer", "province_officer", "inspector", "auditor")


def nothing_more(_aggregate: object) -> None:
    """The `authorise` of a command whose caller is authorised already: by the access table's
    role alone (a province-wide setting), or on the division the request names (`within`)."""


def within(command: CommandRequest, division_code: str) -> Callable[[object], None]:
    """The `authorise` of a command on a resource the request itself places in a division (a
    county's funds, a disaster it declares, a standard): the caller is refused (403) here, before
    anything is loaded, so that no caller outside the division learns whether the resource exists
    or its version (a 428 would tell it); the loaded aggregate needs no further check."""
    ensure_jurisdiction(command.principal, division_code)
    return nothing_more
