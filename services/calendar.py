"""`python -m services calendar load`: load or correct a year's working calendar in every service
with deadlines (intake, verification, supervision), as the State Council announces it each December.

The same `<service>.CalendarYearSet` event the PUT /v1/calendar/years/{year} route records, written
by an operator at the console (actor role `ops`), checked whole before any service is touched.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import getpass
import io
from datetime import date
from pathlib import Path

from services.composition import build_runtime
from services.settings import Settings
from services.status import attach_embedded
from shared.application.repository import Repository
from shared.domain.errors import DomainError
from shared.eventstore.envelope import Actor, EventMetadata
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import CalendarYear, CalendarYearSet, check_year

CALENDAR_SERVICES = ("intake", "verification", "supervision")
KINDS = {"holiday", "workday"}  # a day off, or a weekend day worked (调休上班)


class CalendarFileRefused(ValueError):
    """The file is not a calendar: the row and what is wrong with it."""


def read_days(content: str) -> tuple[tuple[date, ...], tuple[date, ...]]:
    """The holidays and make-up working days of a `date,kind` CSV (kind: holiday or workday)."""
    reader = csv.DictReader(io.StringIO(content))
    if reader.fieldnames != ["date", "kind"]:
        raise CalendarFileRefused(f"the header must be 'date,kind', not {reader.fieldnames}")
    days: dict[str, set[date]] = {kind: set() for kind in KINDS}
    for row_number, row in enumerate(reader, start=2):
        kind = (row["kind"] or "").strip()
        if kind not in KINDS:
            raise CalendarFileRefused(f"row {row_number}, kind: holiday or workday, not {kind!r}")
        try:
            days[kind].add(date.fromisoformat((row["date"] or "").strip()))
        except ValueError:
            raise CalendarFileRefused(f"row {row_number}, date: not YYYY-MM-DD") from None
    return tuple(sorted(days["holiday"])), tuple(sorted(days["workday"]))


async def load(
    settings: Settings,
    year: int,
    days: tuple[tuple[date, ...], tuple[date, ...]],
    document_ref: str,
    reason: str,
    loaded_by: str,
) -> int:
    """Record the year in each calendar service's store; refused whole if the year is invalid."""
    holidays, makeup = days
    try:
        check_year(CalendarYearSet(year, holidays, makeup, document_ref, reason))
    except DomainError as refused:
        print(f"{year}: refused, nothing loaded: {refused.detail_en}")
        return 1
    runtimes = [build_runtime(attach_embedded(settings), s) for s in CALENDAR_SERVICES]
    metadata = EventMetadata(Actor(loaded_by, "ops", "运维", "62"), "ops-console", reason)
    try:
        for runtime in runtimes:
            await runtime.migrate()
            book: CalendarBook = runtime.app.state.calendar_book
            event: CalendarYearSet = book.event_class(year, holidays, makeup, document_ref, reason)
            repository = Repository(runtime.store, runtime.registry, CalendarYear)
            async with runtime.engine.begin() as conn:
                calendar = await repository.find(str(year), conn) or CalendarYear(str(year))
                calendar.set_year(event)
                await repository.save(calendar, metadata, conn)
            print(f"{runtime.name}: {year} at version {calendar.version}")
    finally:
        for runtime in runtimes:
            await runtime.close()
    return 0


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `calendar load --year Y FILE.csv --document-ref REF --reason WHY` sub-command."""
    calendar = commands.add_parser("calendar", help="the working calendar of the deadlines")
    actions = calendar.add_subparsers(required=True, metavar="action")
    load_cmd = actions.add_parser("load", help="load or correct a year in every calendar service")
    load_cmd.add_argument("file", type=Path, help="CSV 'date,kind' (kind: holiday or workday)")
    load_cmd.add_argument("--year", type=int, required=True)
    load_cmd.add_argument("--document-ref", required=True, help="e.g. 国办发明电〔2026〕x号")
    load_cmd.add_argument("--reason", required=True)
    load_cmd.add_argument("--by", default=None, help="who loads it (default: the OS user)")
    load_cmd.set_defaults(func=_load)


def _load(settings: Settings, args: argparse.Namespace) -> int:
    try:
        days = read_days(args.file.read_text(encoding="utf-8"))
    except CalendarFileRefused as refused:
        print(f"{args.file}: refused, nothing loaded: {refused}")
        return 1
    who = args.by or getpass.getuser()
    return asyncio.run(load(settings, args.year, days, args.document_ref, args.reason, who))
