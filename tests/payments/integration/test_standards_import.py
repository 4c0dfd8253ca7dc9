"""Standards migrated from a file through payments' own `set_standard`: every row validated, each
version marked with the file's SHA-256 and its row, readable through the API, and a re-run (or a
run after a crash) appends nothing twice (issue #18, docs/migration.md).

The import is a real process (`python -m services import-standards`) on the database of the
in-process payments service, whose API then reads what it set.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from payments.application import standards_import
from payments.application.standards_import import StandardsImporter
from payments.domain.standards import Standard
from services.settings import PROJECT_ROOT
from shared.clock import CHINA, offset_to
from shared.eventstore.envelope import Actor
from shared.http.tokens import ensure_dev_keypair
from tests.payments.support import COUNTY, NOW, PERIOD, SINCE, Payments
from tests.support import first_day, months_from

RAISED_FROM = first_day(months_from(PERIOD, -4))  # a later version (July at the pinned clock)
LOWERED_FROM = first_day(months_from(PERIOD, -2))  # a version below the one in force, no reason
HEADER = ("division_code,programme,monthly_per_person_yuan,effective_from,document_ref,"
          "class_1_yuan,class_2_yuan,care_full_yuan,care_partial_yuan,care_none_yuan")  # fmt: skip
# Extreme poverty first: the import sets it after the dibao standards it is checked against.
ROWS = (
    f"{COUNTY},extreme_poverty,832.00,{SINCE},城政发〔2025〕45号,,,210,630.00,1260.00",  # row 2
    f"{COUNTY},urban_dibao,640.00,{SINCE},兰政发〔2025〕96号,,,,,",  # row 3
    f"{COUNTY},urban_dibao,857.50,{RAISED_FROM},兰民发〔2026〕211号,,,,,",  # row 4
    f"{COUNTY},rural_dibao,420.00,{SINCE},兰政发〔2025〕96号,420.00,340.5,,,",  # row 5
    f'{COUNTY},rural_dibao,"1,144.00",{RAISED_FROM},兰民发〔2026〕211号,,,,,',  # row 6: yuan
    f"{COUNTY},urban_dibao,800.00,{LOWERED_FROM},兰民发〔2026〕300号,,,,,",  # row 7: lowered
)
SET_ROWS = {2, 3, 4, 5}


def write_file(path: Path) -> str:
    """The standards file; its SHA-256."""
    path.write_text("\n".join((HEADER, *ROWS)) + "\n", encoding="utf-8")
    return hashlib.sha256(path.read_bytes()).hexdigest()


def import_command(path: Path) -> list[str]:
    return [sys.executable, "-m", "services", "import-standards", str(path),
            "--county", COUNTY, "--by", "ops-zhang", "--json"]  # fmt: skip


def environment(database_url: str, data_dir: Path) -> dict[str, str]:
    """The process's settings: the test's database, keys in its directory, the pinned clock."""
    ensure_dev_keypair(data_dir / "keys/jwt-private.pem", data_dir / "keys/jwt-public.pem")
    return {
        **os.environ,
        "SAFETYNET_DATA_DIR": str(data_dir),
        "PAYMENTS_DATABASE_URL": database_url,
        "KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1",  # the import publishes nothing itself
        "SAFETYNET_CLOCK_OFFSET_S": str(offset_to(NOW).total_seconds()),
        "LOG_LEVEL": "WARNING",
    }


def run_import(path: Path, env: dict[str, str]) -> tuple[int, dict[str, Any]]:
    done = subprocess.run(
        import_command(path), cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=300,
        check=False,
    )  # fmt: skip
    assert done.stdout, done.stderr.decode()
    return done.returncode, json.loads(done.stdout)


def read_report(path: str) -> str:
    """The rejects report's text."""
    return Path(path).read_text(encoding="utf-8-sig")


async def standard_events(payments: Payments) -> list[Any]:
    async with payments.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT data, occurred_at, metadata FROM events"
                " WHERE type = 'payments.StandardSet' ORDER BY position"
            )
        )
        return list(rows)


@pytest.mark.slow
@pytest.mark.req("PAY-1")
async def test_a_standards_file_is_set_once_through_the_standards_rules(
    payments: Payments, database_url: str, tmp_path: Path
) -> None:
    # given a standards file with a bad cell and a version lowered without a reason
    path = tmp_path / "standards.csv"
    digest = write_file(path)
    env = environment(database_url, tmp_path)

    # when it is imported
    code, summary = run_import(path, env)

    # then the good rows are set, the bad ones refused with their row and field (exit 1)
    assert code == 1, summary
    assert (summary["imported"], summary["imported_before"], summary["rows_rejected"]) == (4, 0, 2)
    report = read_report(summary["rejects_report"])
    reported = {(int(r["row"]), r["field"]) for r in csv.DictReader(report.splitlines())}
    assert reported == {(6, "monthly_per_person_yuan"), (7, "monthly_per_person_yuan")}
    assert "降低理由" in report  # the standards rule's own reason

    # and each version is marked with the file's hash and its row, dated on its effective day
    events = await standard_events(payments)
    assert {e.data["migrated"]["row"] for e in events} == SET_ROWS
    assert {e.data["migrated"]["source_sha256"] for e in events} == {digest}
    assert {e.data["migrated"]["policy"] for e in events} == {"migration"}
    for event in events:
        effective = datetime.fromisoformat(event.data["effective_from"]).date()
        assert event.occurred_at == datetime.combine(effective, time(0), CHINA)
        assert event.metadata["actor"]["id"] == "ops-zhang"
    rural = next(e.data for e in events if e.data["programme"] == "rural_dibao")
    assert rural["class_amounts_fen"] == {"1": 42000, "2": 34050}

    # and payments reads them as any standard: through its store and its API
    found = await payments.runtime.app.state.repositories.standards.find(
        Standard.id_for(COUNTY, "urban_dibao")
    )
    assert found is not None
    assert [v.monthly_per_person_fen for v in found.versions] == [64000, 85750]
    assert [v.migrated.row if v.migrated else None for v in found.versions] == [3, 4]
    await payments.settle_projections()
    async with payments.client() as client:
        answer = await client.get(
            f"/v1/standards/{COUNTY}/extreme_poverty", headers=payments.headers()
        )
    assert answer.status_code == 200, answer.text
    [version] = answer.json()["versions"]
    assert version["monthly_per_person_fen"] == 83200
    assert version["care_amounts_fen"] == {"full": 21000, "partial": 63000, "none": 126000}
    assert (version["set_by"], version["reason"]) == ("ops-zhang", "城政发〔2025〕45号")

    # and a re-run of the same file appends nothing
    code, again = run_import(path, env)
    assert code == 1
    assert (again["imported"], again["imported_before"]) == (0, 4)
    assert len(await standard_events(payments)) == len(events)


async def test_a_run_stopped_half_way_is_finished_by_running_the_file_again(
    payments: Payments, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given an import that stops (a crash) when setting its third standard
    path = tmp_path / "standards.csv"
    write_file(path)
    state = payments.runtime.app.state
    importer = StandardsImporter(state.repositories, payments.runtime.engine, payments.clock)
    actor = Actor("ops-zhang", "ops", "迁移 migration", COUNTY)
    calls = 0
    real_set_standard = standards_import.set_standard

    async def crashing(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("killed")
        return await real_set_standard(*args)

    monkeypatch.setattr(standards_import, "set_standard", crashing)
    with pytest.raises(RuntimeError):
        await importer.run(lambda: path.open("rb"), path.name, COUNTY, actor, "test")
    assert len(await standard_events(payments)) == 2
    monkeypatch.undo()

    # when the same file is imported again
    result = await importer.run(lambda: path.open("rb"), path.name, COUNTY, actor, "test")

    # then the two set before are found, the others set, none twice
    assert (result.imported_before, result.imported) == (2, 2)
    events = await standard_events(payments)
    assert sorted(e.data["migrated"]["row"] for e in events) == sorted(SET_ROWS)
