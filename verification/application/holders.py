"""Who holds a programme (INT-9), read and recorded in the guarding transaction itself.

Two guards in verification refuse a second benefit for a person: the county's approval and the
caseload import. The projections learn of a case a moment after its transaction commits, so each
guard also records the people it lets through in `programme_holders`, in its own transaction,
and reads what the other guard recorded there. Locks make the guards take turns:
- an approval takes one lock for each of its members (a household is a few people) and the
  shared side of the import lock;
- an import batch takes the import lock whole (thousands of people: one lock, not one each).
So two approvals naming one person, or an approval and an import, never both read before the
other has committed.
"""

from __future__ import annotations

from collections.abc import Iterable

import asyncpg

# Any case not ended, as projected, with its stage; or a holder a guard recorded, whose case is
# not projected yet or not ended, with no stage: a guard records only whom it approves.
_HOLDERS = """
    SELECT m.resident_id, m.programme, m.case_id, c.stage FROM case_members m
    JOIN cases_view c ON c.case_id = m.case_id AND c.programme = m.programme
    WHERE m.resident_id = ANY($1::text[]) AND c.stage <> ALL($2::text[])
    UNION
    SELECT h.resident_id, h.programme, h.case_id, NULL::text FROM programme_holders h
    LEFT JOIN cases_view c ON c.case_id = h.case_id AND c.programme = h.programme
    WHERE h.resident_id = ANY($1::text[]) AND (c.stage IS NULL OR c.stage <> ALL($2::text[]))
"""
_RECORD = (
    "INSERT INTO programme_holders (resident_id, programme, case_id) VALUES ($1, $2, $3)"
    " ON CONFLICT DO NOTHING"
)
ENDED = ("rejected", "terminated", "withdrawn")
# Stages a projected case holds its programme in (the others are applications in progress).
HOLDING = ("approved", "suspended", "recheck", "termination_review")
_IMPORT_LOCK = 0x5AFE_4E75_0009  # the import's batches, against every approval
_TAKE_IMPORT_LOCK = "SELECT pg_advisory_xact_lock($1)"
_SHARE_IMPORT_LOCK = "SELECT pg_advisory_xact_lock_shared($1)"
_LOCK_PEOPLE = (
    "SELECT pg_advisory_xact_lock(hashtextextended('programme-holder:' || key, 0))"
    " FROM unnest($1::text[]) AS key"
)

Holder = tuple[str, str, str]  # resident id, programme, case id


async def lock_for_approval(
    raw: asyncpg.Connection, programme: str, residents: Iterable[str]
) -> None:
    """Wait for any import batch, and for other approvals naming one of `residents`."""
    await raw.execute(_SHARE_IMPORT_LOCK, _IMPORT_LOCK)
    keys = sorted({f"{programme}:{resident}" for resident in residents})  # one order: no deadlock
    await raw.execute(_LOCK_PEOPLE, keys)


async def lock_for_import(raw: asyncpg.Connection) -> None:
    """Wait for the approvals under way; hold off the next ones until this batch commits."""
    await raw.execute(_TAKE_IMPORT_LOCK, _IMPORT_LOCK)


async def holders(
    raw: asyncpg.Connection, residents: list[str], *, stages: tuple[str, ...] | None = None
) -> list[Holder]:
    """Who of `residents` is in a case not ended, as (resident, programme, case). With `stages`,
    only in cases projected in one of them, or approved by a guard."""
    rows = await raw.fetch(_HOLDERS, residents, list(ENDED))
    return [
        (r["resident_id"], r["programme"], r["case_id"])
        for r in rows
        if stages is None or r["stage"] is None or r["stage"] in stages
    ]


async def record(raw: asyncpg.Connection, let_through: list[Holder]) -> None:
    """Record the holders a guard let through, for the other guards to read at once."""
    await raw.executemany(_RECORD, let_through)
