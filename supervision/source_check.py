"""Ops: check a service's own event log against supervision's copies, database to database.

    python -m supervision.source_check intake SOURCE_DATABASE_URL SUPERVISION_DATABASE_URL

Prints every finding as JSON lines (position, stream, problem) and exits 1 when there is any.
The same check runs over HTTP at `POST /v1/audit/source-checks` for rows exported by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from typing import Any

from sqlalchemy import text

from shared.db import create_engine
from supervision.application.digest import ROW_COLUMNS, Finding
from supervision.application.tamper import compare_source

BATCH = 50_000


async def source_rows(
    database_url: str, after: int = 0, limit: int = BATCH, upto: int | None = None
) -> list[dict[str, Any]]:
    """A slice of the source's event log in position order (up to `upto` when given)."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            result = await conn.execute(
                text(
                    f"SELECT {ROW_COLUMNS} FROM events WHERE position > :after"
                    " AND (CAST(:upto AS bigint) IS NULL OR position <= :upto)"
                    " ORDER BY position LIMIT :limit"
                ),
                {"after": after, "limit": limit, "upto": upto},
            )
            return [dict(r._mapping) for r in result]
    finally:
        await engine.dispose()


async def check(service: str, source_url: str, supervision_url: str) -> list[Finding]:
    """Every finding over the whole source log, slice by slice."""
    engine = create_engine(supervision_url)
    findings: list[Finding] = []
    try:
        after = 0
        while rows := await source_rows(source_url, after):
            findings.extend(await compare_source(engine, service, rows))
            after = rows[-1]["position"]
    finally:
        await engine.dispose()
    return findings


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("service", choices=("intake", "verification", "payments", "supervision"))
    parser.add_argument("source_database_url")
    parser.add_argument("supervision_database_url")
    args = parser.parse_args(argv)
    findings = asyncio.run(
        check(args.service, args.source_database_url, args.supervision_database_url)
    )
    for finding in findings:
        print(json.dumps(asdict(finding), ensure_ascii=False))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
