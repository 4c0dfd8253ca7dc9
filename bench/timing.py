"""Timing: one warm-up, then the median of repeated timed rounds, with time.perf_counter."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

REPEATS = 3

Trial = Callable[[str, bool], Awaitable[float]]


@dataclass(frozen=True)
class Rate:
    """Events per second of a peer: the median round and every round's elapsed seconds."""

    peer: str
    events: int
    seconds: tuple[float, ...]

    @property
    def median_s(self) -> float:
        """The median elapsed time of the timed rounds."""
        return statistics.median(self.seconds)

    @property
    def per_second(self) -> float:
        """Events per second at the median round."""
        return self.events / self.median_s


class Stopwatch:
    """Elapsed seconds of the block it times."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._began = 0.0

    def __enter__(self) -> Stopwatch:
        self._began = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._began


async def measure(peer: str, events: int, trial: Trial) -> Rate:
    """Warm up once, then time `REPEATS` rounds; each round gets its own label (stream prefix)."""
    (rate,) = await measure_side_by_side(events, [(peer, trial)])
    return rate


async def measure_side_by_side(
    events: int, trials: Sequence[tuple[str, Trial]], repeats: int = REPEATS
) -> list[Rate]:
    """Warm each peer up once, then time `repeats` rounds in which every peer runs in turn: a
    drift of the machine or of the process (docs/benchmarks.md: the relay's rounds slow down as
    they follow each other) falls on all of them alike instead of on whichever peer was measured
    while it lasted. Each round gets its own label (stream prefix)."""
    slugs = [re.sub(r"[^A-Za-z0-9]+", "-", peer).strip("-").lower() for peer, _ in trials]
    for slug, (_, trial) in zip(slugs, trials, strict=True):
        await trial(f"{slug}-warm", True)
    seconds: list[list[float]] = [[] for _ in trials]
    for i in range(repeats):
        for slug, (_, trial), rounds in zip(slugs, trials, seconds, strict=True):
            rounds.append(await trial(f"{slug}-r{i}", False))
    return [
        Rate(peer, events, tuple(rounds)) for (peer, _), rounds in zip(trials, seconds, strict=True)
    ]
