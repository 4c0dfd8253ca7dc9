"""`python -m services import-caseload FILE`: migrate a caseload into verification (ADR 0037).

Shows a progress bar with the time left, writes the rejects report beside the file
(`FILE.rejects.csv`) and ends with the summary (`--json`: as JSON on stdout). Exit codes: 0 every
household imported (or imported before), 1 the file was read but rows were refused (the good
households are in), 2 the file as a whole was refused (nothing imported).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from sqlalchemy.engine import make_url

from services.composition import build_runtime
from services.embedded import ensure_database
from services.settings import Settings
from services.status import attach_embedded
from shared.domain.errors import DomainError
from shared.eventstore.envelope import Actor
from shared.identity import InvalidDivisionCode, parse_division
from verification.application.migration.importer import Importer
from verification.application.migration.layout import CaseloadFileRefused
from verification.application.migration.progress import MigrationRecord, rejects_of

SERVICE = "verification"
OK, REJECTED_ROWS, REFUSED = 0, 1, 2
REJECT_COLUMNS = ("row", "household_ref", "field", "reason_zh", "reason_en")


async def import_caseload(
    settings: Settings, path: Path, county: str | None, by: str, *, as_json: bool, batch_size: int
) -> int:
    """Import the file into verification's store; print the summary; the exit code."""
    settings = attach_embedded(settings)
    url = make_url(settings.database_url_for(SERVICE))
    await ensure_database(
        url.set(database="postgres").render_as_string(hide_password=False), str(url.database)
    )
    runtime = build_runtime(settings, SERVICE)
    try:
        await runtime.migrate()
        importer = Importer(
            runtime.store, runtime.registry, runtime.app.state.clock, batch_size=batch_size
        )
        actor = Actor(by, "ops", "迁移 migration", county or "62")
        with _progress_bar(path, quiet=as_json) as on_progress:
            record = await importer.run(
                lambda: path.open("rb"),
                path.name,
                county,
                actor,
                "ops:import-caseload",
                on_progress,
            )
        report = path.with_name(path.name + ".rejects.csv")
        rejects = await _write_rejects(runtime, record, report)
    except CaseloadFileRefused as refused:
        _print_refusal(path, refused, as_json)
        return REFUSED
    finally:
        await runtime.close()
    _print_summary(record, report if rejects else None, as_json)
    return REJECTED_ROWS if record.rows_rejected else OK


async def _write_rejects(runtime: Any, record: MigrationRecord, report: Path) -> int:
    """The rejects report (row, household number, field, reason): no personal data in clear."""
    rejects = await rejects_of(runtime.engine, record.migration_id)
    if not rejects:
        return 0
    with report.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(REJECT_COLUMNS)
        writer.writerows(
            (r.row, r.household_ref, r.field, r.reason_zh, r.reason_en) for r in rejects
        )
    return len(rejects)


@contextmanager
def _progress_bar(path: Path, *, quiet: bool) -> Iterator[Any]:
    """A rich bar over the file's rows with the time left; nothing when quiet (`--json`)."""
    if quiet:
        yield None
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[imported]} 导入 imported, {task.fields[rejected]} 退回 rejected"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True)) as bar:
        task = bar.add_task(path.name, total=None, imported=0, rejected=0)

        def on_progress(record: MigrationRecord) -> None:
            bar.update(
                task,
                total=record.rows_total,
                completed=record.rows_done,
                imported=record.households_imported,
                rejected=record.households_rejected,
            )

        yield on_progress


def _print_summary(record: MigrationRecord, report: Path | None, as_json: bool) -> None:
    summary = {**asdict(record), "rejects_report": str(report) if report else None}
    if as_json:
        print(json.dumps(summary, default=str, ensure_ascii=False, indent=2))
        return
    print(
        f"{record.file_name} sha256 {record.source_sha256}: import {record.migration_id}"
        f" {record.status}; {record.households_imported} households imported,"
        f" {record.households_rejected} rejected ({record.rows_rejected} rejected cells)"
    )
    if report:
        print(f"rejects (row, field, reason): {report}")


def _print_refusal(path: Path, refused: DomainError, as_json: bool) -> None:
    """A file refused whole (also the standards import's)."""
    if as_json:
        shown = {"file": str(path), "refused": refused.detail_en, "reason_zh": refused.detail_zh}
        print(json.dumps({**shown, **refused.extensions}, ensure_ascii=False))
    else:
        print(f"{path}: refused, nothing imported: {refused.detail_zh} ({refused.detail_en})")


def _county(code: str) -> str:
    try:
        division = parse_division(code)
    except InvalidDivisionCode as bad:
        raise argparse.ArgumentTypeError(bad.detail_en) from None
    if division.level != "county":
        raise argparse.ArgumentTypeError(f"{code} is not a county (6 digits)")
    return division.code


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `import-caseload FILE [--county C] [--by STAFF] [--json]` command."""
    command = commands.add_parser(
        "import-caseload", help="migrate households, members, approvals and accounts (CSV/XLSX)"
    )
    command.add_argument(
        "file", type=Path, help="CSV (UTF-8 or GB18030) or XLSX; docs/migration.md"
    )
    command.add_argument("--county", type=_county, help="every household must lie in it")
    command.add_argument("--by", default=None, help="staff id of the operator (default: OS user)")
    command.add_argument("--json", action="store_true", help="the summary as JSON, no progress bar")
    command.add_argument("--batch-size", type=int, default=500, help="households per transaction")
    command.set_defaults(func=_run)


def _run(settings: Settings, args: argparse.Namespace) -> int:
    if not args.file.is_file():
        print(f"{args.file}: no such file", file=sys.stderr)
        return REFUSED
    by = args.by or getpass.getuser()
    return asyncio.run(
        import_caseload(
            settings, args.file, args.county, by, as_json=args.json, batch_size=args.batch_size
        )
    )
