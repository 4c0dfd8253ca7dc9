"""`python -m bench.caseload_migration [--households N]`: a caseload migration vs COPY.

Generates a caseload file of N households (default 1,500,000; about 2.1 rows each, 2% of rows
bad) with `bench.caseload_file` (not timed), then times the ops command exactly as operators run
it — `python -m services import-caseload FILE --county C --json`, a process of its own on a
fresh verification database of the bench's PostgreSQL (fsync on) — against the floor: COPY of
the same file into a plain table of text columns in the same server. Prints households/s, the
total time, the ratio, and whether the issue's target holds (1.5 million households < 30 min).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg

from bench import runtime
from bench.caseload_file import write_caseload
from services.settings import PROJECT_ROOT
from shared.clock import SystemClock, today
from shared.http.tokens import ensure_dev_keypair
from verification.application.migration.layout import COLUMNS

COUNTY = "620102"
TARGET_HOUSEHOLDS, TARGET_S = 1_500_000, 1_800  # the issue: 1.5 million households < 30 min


def import_command(
    path: Path, database_url: str, data_dir: Path
) -> tuple[list[str], dict[str, str]]:
    """The ops command and its environment (keys in a directory of the bench's own)."""
    ensure_dev_keypair(data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem")
    env = {
        **os.environ,
        "SAFETYNET_DATA_DIR": str(data_dir),
        "VERIFICATION_DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",  # the import publishes nothing itself
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "services", "import-caseload", str(path),
               "--county", COUNTY, "--by", "bench", "--json"]  # fmt: skip
    return command, env


def run_to_end(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """The import process, waited for."""
    return subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, check=False)


async def copy_floor(rt: runtime.Runtime, path: Path) -> float:
    """Seconds to COPY the file into a plain table of text columns (the floor)."""
    url = await rt.fresh_database("bench_caseload_copy")
    conn = await asyncpg.connect(runtime.plain_dsn(url))
    try:
        columns = ", ".join(f"{c} text" for c in COLUMNS)
        await conn.execute(f"CREATE TABLE caseload_rows ({columns})")
        started = time.perf_counter()
        await conn.copy_to_table("caseload_rows", source=path, format="csv", header=True)
        return time.perf_counter() - started
    finally:
        await conn.close()


async def bench(households: int, work: Path) -> dict[str, Any]:
    """Generate, import with the ops command, COPY the same file; the figures."""
    path = work / "caseload.csv"
    started = time.perf_counter()
    expected = write_caseload(path, households, COUNTY, today(SystemClock()))
    generated_s = time.perf_counter() - started
    print(f"generated {households:,} households, {expected.rows:,} rows,"
          f" {path.stat().st_size / 1e6:.0f} MB in {generated_s:.0f} s", flush=True)  # fmt: skip
    with runtime.started() as rt:
        url = await rt.fresh_database("bench_caseload_import")
        command, env = import_command(path, url, work)
        started = time.perf_counter()
        done = await asyncio.to_thread(run_to_end, command, env)
        import_s = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"the import failed:\n{done.stderr.decode()[-3000:]}")
        summary = json.loads(done.stdout)
        floor_s = await copy_floor(rt, path)
    return {
        "households": households,
        "rows": expected.rows,
        "imported": summary["households_imported"],
        "rejected": summary["households_rejected"],
        "import_s": round(import_s, 1),
        "households_per_s": round(households / import_s),
        "copy_floor_s": round(floor_s, 1),
        "ratio_to_copy": round(import_s / floor_s, 1),
        "target_met": None if households < TARGET_HOUSEHOLDS else import_s < TARGET_S,
    }


def main() -> None:
    """Run the bench and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=TARGET_HOUSEHOLDS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=runtime.DATA_DIR, prefix="bench-caseload-") as work:
        figures = asyncio.run(bench(args.households, Path(work)))
    print(json.dumps(figures, indent=2))
    print(
        f"caseload migration: {figures['households']:,} households in {figures['import_s']} s"
        f" ({figures['households_per_s']:,}/s); COPY of the same file {figures['copy_floor_s']} s;"
        f" ratio {figures['ratio_to_copy']}×; 1.5 M under 30 min: {figures['target_met']}"
    )


if __name__ == "__main__":
    main()
