"""`python -m services calendar load` against real PostgreSQL databases, one per service."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from services import calendar
from services.__main__ import _parser
from services.settings import Settings
from shared.db import create_engine
from shared.http.tokens import ensure_dev_keypair
from tests.deploy.test_ops_status import ops_settings

__all__ = ["ops_settings"]
YEAR_2027 = (
    "date,kind\n"
    "2027-02-06,holiday\n2027-02-07,holiday\n2027-02-08,holiday\n2027-02-09,holiday\n"
    "2027-02-10,holiday\n2027-02-11,holiday\n2027-02-12,holiday\n2027-02-13,holiday\n"
    "2027-02-20,workday\n"
)  # test data for the command, not a claim about the State Council's 2027 schedule


async def _versions(settings: Settings, service: str) -> list[tuple[str, int]]:
    engine = create_engine(settings.database_url_for(service))
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(
                text("SELECT type, stream_version FROM events WHERE stream_id = 'calendar-2027'")
            )
            return [(r[0], r[1]) for r in rows]
    finally:
        await engine.dispose()


def test_the_command_line_parses_load() -> None:
    args = _parser().parse_args(["calendar", "load", "y.csv", "--year", "2027",
                                 "--document-ref", "国办发明电", "--reason", "公布"])  # fmt: skip
    assert (args.file, args.year, args.document_ref) == (Path("y.csv"), 2027, "国办发明电")


def test_a_file_is_read_as_holidays_and_make_up_days() -> None:
    holidays, makeup = calendar.read_days(YEAR_2027)
    assert (holidays[0], len(holidays), makeup) == (date(2027, 2, 6), 8, (date(2027, 2, 20),))
    with pytest.raises(calendar.CalendarFileRefused, match="row 2, kind"):
        calendar.read_days("date,kind\n2027-02-06,off\n")


@pytest.mark.req("INT-5", "VER-9")
async def test_a_year_loads_into_every_calendar_service_or_into_none(
    ops_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_dev_keypair(ops_settings.jwt_private_key_path, ops_settings.jwt_public_key_path)
    days = calendar.read_days(YEAR_2027)
    # given a year whose make-up day is a weekday (refused whole)
    wrong = (days[0], (date(2027, 2, 22),))
    refused = await calendar.load(ops_settings, 2027, wrong, "国办发明电", "公布", "ops-1")
    # when the right year is loaded, then corrected once
    first = await calendar.load(ops_settings, 2027, days, "国办发明电", "公布", "ops-1")
    second = await calendar.load(ops_settings, 2027, days, "国办发明电", "更正", "ops-1")
    out = capsys.readouterr().out
    # then nothing went in for the wrong one, and each service holds both versions
    assert (refused, first, second) == (1, 0, 0) and "refused, nothing loaded" in out
    for service in calendar.CALENDAR_SERVICES:
        assert await _versions(ops_settings, service) == [
            (f"{service}.CalendarYearSet", 1),
            (f"{service}.CalendarYearSet", 2),
        ]
