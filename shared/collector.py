"""The garbage collector tuned for long-running service processes (ADR 0014).

CPython's default thresholds (700, 10, 10) run a young collection every 700 net container
allocations and a full one whenever a quarter of the old objects is new. A payment run or a busy
intake worker allocates events, dicts and rows by the million, almost all freed at once by
reference counting; the defaults then spend a fifth of a run's CPU scanning the same long-lived
objects again and again. A service process instead freezes what it built at start (modules,
app, registries: never garbage) and collects the young generation every `gen0` net allocations.
Reference cycles are still collected, only in larger steps.
"""

from __future__ import annotations

import gc

DEFAULT_GEN0 = 50_000  # net container allocations between young collections
OLDER_EVERY = (20, 100)  # young collections per middle one, middle ones per full one


def tune_collector(gen0: int = DEFAULT_GEN0) -> None:
    """Freeze the objects built so far and set the thresholds; `gen0` 0 keeps the defaults."""
    if gen0 <= 0:
        return
    gc.freeze()
    gc.set_threshold(gen0, *OLDER_EVERY)
