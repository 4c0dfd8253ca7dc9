"""Disjoint parts of a run, by case, so that several executor processes share one (ADR 0013).

A run's round (0, then one more per retry of its failed payments) is executed in `count`
partitions. A case belongs to partition `hash(case) mod count`, so every payment of a case, and
every attempt of a payment, falls in the same partition in every round. Each partition is
executed under its own lock and recorded as finished once; the run is reconciled and completed
when every partition of its round has finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

# a row's case in the partition :part of :parts (hashtext is PostgreSQL's stable string hash)
IN_PARTITION = "(hashtext(case_id) & 2147483647) % :parts = :part"

_RECORD = text(
    "INSERT INTO run_partitions (run_id, round, partitions) VALUES (:run, :round, :parts)"
    " ON CONFLICT (run_id, round) DO NOTHING"
)
_READ = text(
    "SELECT partitions, finished FROM run_partitions WHERE run_id = :run AND round = :round"
)
_FINISH = text(
    "UPDATE run_partitions"
    " SET finished = ARRAY("
    "SELECT DISTINCT p FROM unnest(finished || CAST(:part AS integer)) AS p ORDER BY p)"
    " WHERE run_id = :run AND round = :round"
)


@dataclass(frozen=True)
class Partition:
    """Partition `index` of `count`."""

    index: int
    count: int

    def params(self) -> dict[str, int]:
        """The bind parameters of `IN_PARTITION`."""
        return {"part": self.index, "parts": self.count}


WHOLE = Partition(0, 1)


@dataclass(frozen=True)
class RunPartitions:
    """How a run's round is partitioned, and which partitions have finished."""

    count: int
    finished: frozenset[int]

    def unfinished(self) -> list[Partition]:
        """The partitions still to execute, in order."""
        return [Partition(i, self.count) for i in range(self.count) if i not in self.finished]

    @property
    def all_finished(self) -> bool:
        """Every partition of the round has finished."""
        return len(self.finished) == self.count


async def partitions_of(
    conn: AsyncConnection, run_id: str, round_: int, wanted: int
) -> RunPartitions:
    """The round's partitioning: fixed by the first executor to reach it (`wanted` parts)."""
    params = {"run": run_id, "round": round_, "parts": wanted}
    await conn.execute(_RECORD, params)
    row = (await conn.execute(_READ, params)).one()
    return RunPartitions(row.partitions, frozenset(row.finished))


async def finish(conn: AsyncConnection, run_id: str, round_: int, partition: Partition) -> None:
    """Record the partition as finished for the round."""
    await conn.execute(_FINISH, {"run": run_id, "round": round_, "part": partition.index})
