"""`python -m services import-standards FILE`: migrate standards into payments (ADR 0037).

Run it before `import-caseload` (docs/migration.md): a household by rule needs its county's
standard. Each valid row is set through payments' own `set_standard` (the function behind
`POST /v1/standards`). Writes the rejects report beside the file (`FILE.rejects.csv`) and ends
with the summary (`--json`: as JSON on stdout). Exit codes as `import-caseload`: 0 every row set
(now or by an earlier run of the file), 1 rows were refused (the good ones are set), 2 the file
as a whole was refused (nothing set).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import getpass
import json
import sys
from dataclasses import asdict
from pathlib import Path

from sqlalchemy.engine import make_url

from payments.application.standards_file import StandardsFileRefused
from payments.application.standards_import import StandardsImport, StandardsImporter
from services.caseload import OK, REFUSED, REJECTED_ROWS
from services.caseload import _county as county_code
from services.caseload import _print_refusal as print_refusal
from services.composition import build_runtime
from services.embedded import ensure_database
from services.settings import Settings
from services.status import attach_embedded
from shared.eventstore.envelope import Actor

SERVICE = "payments"
REJECT_COLUMNS = ("row", "division_code", "programme", "field", "reason_zh", "reason_en")


async def import_standards(
    settings: Settings, path: Path, county: str | None, by: str, *, as_json: bool
) -> int:
    """Import the file into payments' store; print the summary; the exit code."""
    settings = attach_embedded(settings)
    url = make_url(settings.database_url_for(SERVICE))
    await ensure_database(
        url.set(database="postgres").render_as_string(hide_password=False), str(url.database)
    )
    runtime = build_runtime(settings, SERVICE)
    try:
        await runtime.migrate()
        state = runtime.app.state
        importer = StandardsImporter(state.repositories, runtime.engine, state.clock)
        actor = Actor(by, "ops", "迁移 migration", county or "62")
        result = await importer.run(
            lambda: path.open("rb"), path.name, county, actor, "ops:import-standards"
        )
    except StandardsFileRefused as refused:
        print_refusal(path, refused, as_json)
        return REFUSED
    finally:
        await runtime.close()
    report = _write_rejects(result, path.with_name(path.name + ".rejects.csv"))
    _print_summary(result, report, as_json)
    return REJECTED_ROWS if result.rejects else OK


def _write_rejects(result: StandardsImport, report: Path) -> Path | None:
    """The rejects report (row, standard, field, reason), as the caseload import's."""
    if not result.rejects:
        report.unlink(missing_ok=True)  # an earlier run's report no longer holds
        return None
    with report.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(REJECT_COLUMNS)
        writer.writerows(
            (r.row, r.division_code, r.programme, r.field, r.reason_zh, r.reason_en)
            for r in result.rejects
        )
    return report


def _print_summary(result: StandardsImport, report: Path | None, as_json: bool) -> None:
    if as_json:
        summary = {**asdict(result), "rows_rejected": result.rows_rejected}
        summary["rejects_report"] = str(report) if report else None
        print(json.dumps(summary, default=str, ensure_ascii=False, indent=2))
        return
    print(
        f"{result.file_name} sha256 {result.source_sha256}: {result.rows_total} rows;"
        f" {result.imported} standard versions set, {result.imported_before} set by an earlier"
        f" run, {result.rows_rejected} rows rejected"
    )
    if report:
        print(f"rejects (row, field, reason): {report}")


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `import-standards FILE [--county C] [--by STAFF] [--json]` command."""
    command = commands.add_parser(
        "import-standards", help="migrate standards (CSV/XLSX) before import-caseload"
    )
    command.add_argument(
        "file", type=Path, help="CSV (UTF-8 or GB18030) or XLSX; docs/migration.md"
    )
    command.add_argument("--county", type=county_code, help="every standard must be its own")
    command.add_argument("--by", default=None, help="staff id of the operator (default: OS user)")
    command.add_argument("--json", action="store_true", help="the summary as JSON")
    command.set_defaults(func=_run)


def _run(settings: Settings, args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return REFUSED
    by = args.by or getpass.getuser()
    return asyncio.run(import_standards(settings, args.file, args.county, by, as_json=args.json))
