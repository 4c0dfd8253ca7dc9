"""Whom the bank pays for a household (ADR 0055): one rule for every service that names a payee."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Person(Protocol):
    """A member as any service holds one: who, under which name, related how to the applicant."""

    @property
    def resident_id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def relation(self) -> str: ...


def payee_name(members: Sequence[Person], holder_resident_id: str | None) -> str:
    """The name of the member who holds the account (the bank matches it with the account),
    else the applicant's, else the first member's; "" for a household of nobody."""
    holder = (holder_resident_id or "").strip().upper()
    holding = [m for m in members if holder and m.resident_id.strip().upper() == holder]
    applicant = [m for m in members if m.relation == "self"]
    payee = [*holding, *applicant, *members][:1]
    return payee[0].name if payee else ""
