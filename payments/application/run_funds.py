"""The money a run may still commit, per programme (PAY-7, ADR 0067: no payment beyond funds).

A run started without a funds override is capped at what was available for each programme when
it started. The check at the start counts the monthly amounts; back pay (ADR 0041, ADR 0061) is
only known as each payable is instructed, so every chunk takes its payments out of the run's
room, under a row lock that serialises the partitions' executors, in the chunk's transaction.
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
_ROOM = text(
    "SELECT programme, cap_fen - committed_fen AS room FROM run_funds WHERE run_id = :run"
    " ORDER BY programme FOR UPDATE"
)
_COMMIT = text(
    "UPDATE run_funds SET committed_fen = committed_fen + :taken"
    " WHERE run_id = :run AND programme = :programme"
)


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


async def budget_of(conn: AsyncConnection, run_id: str) -> RunBudget:
    """The run's room, its rows locked until the chunk's transaction ends."""
    rows = list(await conn.execute(_ROOM, {"run": run_id}))
    return RunBudget({r.programme: int(r.room) for r in rows} if rows else None)


async def commit_budget(conn: AsyncConnection, run_id: str, budget: RunBudget) -> None:
    """Record what the chunk committed."""
    taken = [{"run": run_id, "programme": p, "taken": t} for p, t in budget.taken.items() if t]
    if taken:
        await conn.execute(_COMMIT, taken)
