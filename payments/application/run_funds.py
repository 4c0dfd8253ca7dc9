"""The money a run may still commit, per programme (PAY-7, ADR 0067: no payment beyond funds).

A run started without a funds override is capped at what was available for each programme when
it started. The check at the start counts the monthly amounts; back pay (ADR 0041, ADR 0061) is
only known as each payable is instructed, so every chunk takes its payments out of the run's
room in the chunk's transaction. It reads the room unlocked and takes it, as its last statement,
only if the room is still there; when another partition's chunk took it meanwhile (near the cap
only), the chunk is undone and instructed again with the room locked from the start.
A payment that no longer fits is not instructed: its month is recorded as unpayable for want of
funds, and a later run, when money has arrived, pays it back (ADR 0061). A run started with an
override, or before this rule, has no cap.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

INSUFFICIENT_FUNDS = "insufficient-funds"
_CAP = text(
    "INSERT INTO run_funds (run_id, programme, cap_fen) VALUES (:run, :programme, :cap)"
    " ON CONFLICT DO NOTHING"
)
_ROOM = (
    "SELECT programme, cap_fen - committed_fen AS room FROM run_funds WHERE run_id = :run"
    " ORDER BY programme"
)
_COMMIT = text(
    "UPDATE run_funds SET committed_fen = committed_fen + :taken"
    " WHERE run_id = :run AND programme = :programme AND committed_fen + :taken <= cap_fen"
    " RETURNING programme"
)


class RoomTaken(RuntimeError):
    """Another chunk took the room this one counted on: instruct it again, the room locked."""


@dataclass
class RunBudget:
    """What a chunk may still commit, per programme; `room` None: the run has no cap."""

    room: dict[str, int] | None = None
    taken: Counter[str] = field(default_factory=Counter)

    def take(self, programme: str, amount_fen: int) -> bool:
        """Commit the amount if it fits in the programme's room (a programme without a row has
        none); False, committing nothing, when it does not."""
        if self.room is None:
            return True
        if amount_fen > self.room.get(programme, 0):
            return False
        self.room[programme] -= amount_fen
        self.taken[programme] += amount_fen
        return True


async def cap_run(conn: AsyncConnection, run_id: str, available: dict[str, int]) -> None:
    """Cap a run at the money available to each programme when it starts."""
    rows = [{"run": run_id, "programme": p, "cap": max(0, a)} for p, a in available.items()]
    if rows:
        await conn.execute(_CAP, rows)


async def budget_of(conn: AsyncConnection, run_id: str, locked: bool = False) -> RunBudget:
    """The run's room; `locked`: its rows locked until the chunk's transaction ends."""
    rows = list(
        await conn.execute(text(_ROOM + (" FOR UPDATE" if locked else "")), {"run": run_id})
    )
    return RunBudget({r.programme: int(r.room) for r in rows} if rows else None)


async def commit_budget(conn: AsyncConnection, run_id: str, budget: RunBudget) -> None:
    """Take what the chunk committed out of the room (the chunk's last statement, so the rows
    stay locked only while it commits); RoomTaken when it is no longer there."""
    for programme, taken in budget.taken.items():
        params = {"run": run_id, "programme": programme, "taken": taken}
        if taken and (await conn.execute(_COMMIT, params)).first() is None:
            raise RoomTaken(f"run {run_id}: another chunk took the room of {programme}")
