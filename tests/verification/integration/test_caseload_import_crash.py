"""A caseload import killed with SIGKILL half way and run again imports every good household
exactly once and reports every bad row with its row and field (issue #18, ADR 0037).

The import is a real process (`python -m services import-caseload`) on a fresh database; the kill
lands when its committed progress has passed a third of the file, read from the database.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.caseload_file import write_caseload
from services.settings import PROJECT_ROOT
from shared.clock import offset_to
from shared.db import create_engine
from shared.http.tokens import ensure_dev_keypair
from tests.support import eventually
from tests.verification.support import COUNTY, PINNED, TODAY

HOUSEHOLDS = 10_000
RESIDENT_ID = re.compile(r"\d{17}[\dX]")


def importer(path: Path) -> list[str]:
    """The command line of one import process."""
    return [sys.executable, "-m", "services", "import-caseload", str(path),
            "--county", COUNTY, "--by", "ops-zhang", "--json", "--batch-size", "200"]  # fmt: skip


def environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """Its settings: the test's database, keys in the test's directory, the pinned clock."""
    ensure_dev_keypair(data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem")
    return {
        **os.environ,
        "SAFETYNET_DATA_DIR": str(data_dir),
        "VERIFICATION_DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",  # the import publishes nothing itself
        "SAFETYNET_CLOCK_OFFSET_S": str(offset_to(PINNED).total_seconds()),
        "LOG_LEVEL": "WARNING",
    }


def start(command: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The import in the background."""
    return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL)


def run_to_end(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """The import to its end, its output kept."""
    return subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=600, check=False
    )


def read_report(path: Path) -> str:
    """The rejects report's text."""
    return path.read_text(encoding="utf-8-sig")


async def scalar(engine: AsyncEngine, sql: str) -> int:
    async with engine.connect() as conn:
        try:
            return int((await conn.execute(text(sql))).scalar_one_or_none() or 0)
        except Exception:  # the table is not there before the first migration
            return 0


@pytest.mark.slow
async def test_an_import_killed_half_way_and_run_again_imports_each_good_household_once(
    database_url: str, tmp_path: Path
) -> None:
    # given a 10,000-household file with about 2% bad rows
    path = tmp_path / "caseload.csv"
    expected = write_caseload(path, HOUSEHOLDS, COUNTY, TODAY)
    assert 0.015 < len(expected.bad_rows) / expected.rows < 0.025
    command, env = importer(path), environment(database_url, tmp_path)
    engine = create_engine(database_url)
    try:
        # when the import is killed with SIGKILL once a third of the households are committed
        first = start(command, env)
        done = "SELECT households_done FROM caseload_migrations"
        await eventually(
            lambda: _at_least(engine, done, HOUSEHOLDS // 3), timeout=240, message="no progress"
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert await scalar(engine, done) < HOUSEHOLDS, "the kill came too late to prove anything"

        # and run again to the end
        second = run_to_end(command, env)
        summary = json.loads(second.stdout)

        # then it says rows were refused (exit 1), and every good household is in exactly once
        assert second.returncode == 1, second.stderr.decode()
        approvals = await _approvals(engine)
        refs = Counter(a["migrated"]["household_ref"] for a in approvals)
        assert set(refs) == expected.good
        assert set(refs.values()) == {1}
        assert await scalar(engine, "SELECT count(*) FROM events WHERE type ="
                                    " 'verification.CaseOpened'") == len(expected.good)  # fmt: skip
        assert summary["households_imported"] == len(expected.good)
        assert summary["households_rejected"] == HOUSEHOLDS - len(expected.good)
        # marked with the file's hash, the household's row, and dated on the old approval day
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert {a["migrated"]["source_sha256"] for a in approvals} == {digest}
        assert {a["migrated"]["policy"] for a in approvals} == {"migration"}

        # and every bad row is in the rejects report with its row and field
        report = read_report(Path(summary["rejects_report"]))
        reported = {(int(r["row"]), r["field"]) for r in csv.DictReader(report.splitlines())}
        assert set(expected.bad_rows.items()) <= reported
        # and only rows of bad households (no good household reported "already migrated")
        refused = {r["household_ref"] for r in csv.DictReader(report.splitlines())}
        assert refused.isdisjoint(expected.good)
        # without a resident ID in clear
        assert not RESIDENT_ID.search(report)

        # and a third run of the same file appends nothing
        third = run_to_end(command, env)
        assert json.loads(third.stdout)["status"] == "completed"
        assert len(await _approvals(engine)) == len(expected.good)
    finally:
        await engine.dispose()


async def _at_least(engine: AsyncEngine, sql: str, n: int) -> bool:
    return await scalar(engine, sql) >= n


async def _approvals(engine: AsyncEngine) -> list[dict[str, object]]:
    async with engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT data FROM events WHERE type = 'verification.CaseApproved'")
        )
        return [r.data for r in rows]
