"""`python -m bench.trail_reader`: supervision's audit-trail consumer alone, for the province bench.

Builds supervision on its own database, migrates it and runs only the `supervision.audit` group,
which copies every event of the four internal topics into the audit trail, until SIGTERM.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal

from bench.runtime import DATA_DIR
from shared.collector import tune_collector
from shared.http.tokens import ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig
from supervision.bootstrap import build

AUDIT_GROUP = "supervision.audit"


async def read_trail(database_url: str, bootstrap: str) -> None:
    """Run the audit group until SIGTERM."""
    _, public = ensure_dev_keypair(DATA_DIR / "bench-keys/k.pem", DATA_DIR / "bench-keys/k.pub")
    kafka = KafkaConfig(bootstrap, False, "bench-trail")
    rt = build(ServiceConfig("supervision", database_url, kafka, public, "bench", "safetynet"))
    await rt.migrate()
    tune_collector()  # as a service process does (ADR 0014)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    audit = [c for c in rt.consumers if c.group_id == AUDIT_GROUP]
    try:
        await asyncio.gather(*(consumer.run(stop) for consumer in audit))
    finally:
        await rt.close()


def main() -> int:
    """Parse the arguments and read until stopped."""
    parser = argparse.ArgumentParser(prog="python -m bench.trail_reader", description=__doc__)
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--bootstrap", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(read_trail(args.database_url, args.bootstrap))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
