"""A relay as its own process, for the crash test.

    relay_main.py DB_URL BOOTSTRAP SERVICE BATCH [MARKER_FILE]

With MARKER_FILE, the relay dawdles just before and just after each checkpoint commit and says
where it is in that file ("pre <position>" / "post <position>"), so that a SIGKILL can land
between the broker's acknowledgements and the commit, or right after the commit.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path
from typing import Any

from shared.db import create_engine
from shared.eventstore import EventStore
from shared.messaging import relay_state
from shared.messaging.kafka import KafkaConfig
from shared.messaging.relay import OutboxRelay

COMMIT_DELAY_S = 0.3


def slow_commits(marker: Path) -> None:
    """Note and dawdle around each checkpoint commit."""
    advance = relay_state.advance

    async def noted_advance(*args: Any, **kwargs: Any) -> relay_state.Advance:
        _note(marker, f"pre {args[3]}")
        await asyncio.sleep(COMMIT_DELAY_S)
        outcome = await advance(*args, **kwargs)
        _note(marker, f"post {args[3]}")
        await asyncio.sleep(COMMIT_DELAY_S)
        return outcome

    relay_state.advance = noted_advance  # type: ignore[assignment]


def _note(marker: Path, text: str) -> None:
    marker.write_text(text)


async def main(url: str, bootstrap: str, service: str, batch_size: int) -> None:
    """Relay until SIGTERM."""
    engine = create_engine(url, pool_size=2)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    cfg = KafkaConfig(bootstrap, enable_idempotence=False, client_id=f"relay-{service}")
    relay = OutboxRelay(
        service, engine, EventStore(engine), cfg, batch_size=batch_size, poll_interval_s=0.05
    )
    try:
        await relay.run(stop)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    url, bootstrap, service, batch, *rest = sys.argv[1:]
    if rest:
        slow_commits(Path(rest[0]))
    asyncio.run(main(url, bootstrap, service, int(batch)))
