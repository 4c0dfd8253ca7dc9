"""The working calendar over HTTP, mounted by every service with deadlines (one implementation).

PUT loads or corrects a year (province_officer or ops; Idempotency-Key; If-Match once the year
has a version); GET shows the days in force, where they come from and every version loaded.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from shared.application.repository import Repository
from shared.fields import Text
from shared.http.auth import current_principal
from shared.http.commands import Command, create_or_change
from shared.http.etag import (
    etag_for,
)
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Registry, Store, wired
from shared.runtime import ServiceRuntime
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import CalendarYear, CalendarYearSet
from shared.workdays import LIBRARY, library_years

router = APIRouter(prefix="/v1/calendar", tags=["calendar 工作日历"])
YEAR = Path(ge=2000, le=2100, description="the civil year")
Book = Annotated[CalendarBook, wired("calendar_book")]
CalendarYears = Annotated[Repository[CalendarYear], wired("calendar_years")]


class YearIn(BaseModel):
    """A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知)."""

    holidays: list[date] = Field(max_length=366, description="days off, weekends within included")
    makeup_workdays: list[date] = Field(
        max_length=366, description="Saturdays or Sundays worked (调休上班日)"
    )
    document_ref: Text = Field(min_length=1, max_length=200, examples=["国办发明电〔2026〕x号"])
    reason: Text = Field(min_length=1, max_length=2000)
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "holidays": ["2028-01-01", "2028-10-01", "2028-10-02", "2028-10-03"],
                    "makeup_workdays": ["2028-09-30"],
                    "document_ref": "国办发明电〔2027〕7号",
                    "reason": "按国务院办公厅2028年部分节假日安排通知载入",
                }
            ]
        },
    )


class YearVersion(BaseModel):
    """One loaded version of a year's schedule."""

    version: int
    holidays: list[date]
    makeup_workdays: list[date]
    document_ref: str
    reason: str


class ActorRead(BaseModel):
    """Who loaded a version: staff id, role and organisation from the token."""

    id: str
    role: str
    org: str


class YearHistoryEntry(YearVersion):
    """A version as recorded: when and by whom."""

    recorded_at: str
    actor: ActorRead


class LoadedYear(YearVersion):
    """The version a load or correction recorded."""

    year: int


class LibraryRead(BaseModel):
    """The holiday library the calendar falls back on, and whether it covers the year."""

    name: str
    covers_year: bool


class YearRead(BaseModel):
    """A year's days in force, where they come from, and every version loaded."""

    year: int
    version: int
    source: str
    library: LibraryRead
    holidays: list[date]
    makeup_workdays: list[date]
    history: list[YearHistoryEntry]


def mount(runtime: ServiceRuntime, book: CalendarBook) -> None:
    """Serve the calendar API on a service and keep its book loaded from the service's store."""
    state = runtime.app.state
    state.calendar_book = book
    state.calendar_years = Repository(runtime.store, runtime.registry, CalendarYear)
    runtime.app.include_router(router)
    runtime.loops.append(book.refresher(runtime.engine))


def _version(event: CalendarYearSet, version: int) -> dict[str, Any]:
    return {
        "version": version,
        "holidays": [d.isoformat() for d in event.holidays],
        "makeup_workdays": [d.isoformat() for d in event.makeup_workdays],
        "document_ref": event.document_ref,
        "reason": event.reason,
    }


@router.put(
    "/years/{year}",
    responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
    response_model=LoadedYear,
    summary="载入或更正节假日安排 Load or correct a year (If-Match)",
)
async def load_calendar_year(
    body: YearIn,
    command: Command,
    book: Book,
    calendar_years: CalendarYears,
    engine: Engine,
    year: int = YEAR,
) -> JSONResponse:
    """Record the year's days as a new version; deadlines computed from now on use them."""
    event = book.event_class(
        year,
        tuple(sorted(set(body.holidays))),
        tuple(sorted(set(body.makeup_workdays))),
        body.document_ref,
        body.reason,
    )
    response = await create_or_change(
        command,
        calendar_years,
        str(year),
        new=lambda: CalendarYear(str(year)),
        authorise=lambda _: None,  # the province or ops: the access table's rule
        act=lambda calendar, _: calendar.set_year(event),
        reason=body.reason,
        answer=lambda calendar: {"year": year, **_version(event, calendar.version)},
    )
    await book.refresh(engine)
    return response


@router.get(
    "/years/{year}",
    responses=problem_responses(401, 403),
    response_model=YearRead,
    summary="某年工作日历 A year's days in force and their history",
)
async def get_calendar_year(
    response: Response,
    book: Book,
    store: Store,
    registry: Registry,
    year: int = YEAR,
    _: Principal = Depends(current_principal),
) -> dict[str, Any]:
    """The days in force, where they come from (library or loaded version N) and every version."""
    recorded = await store.read_stream(CalendarYear.stream_id_for(str(year)))
    history = []
    for event in recorded:
        entry = _version(registry.deserialize(event), event.stream_version)
        actor = event.metadata.actor
        entry.update(
            recorded_at=event.recorded_at.isoformat(),
            actor={"id": actor.id, "role": actor.role, "org": actor.org},
        )
        history.append(entry)
    holidays, makeup = book.calendar.days_of(year)
    response.headers["ETag"] = etag_for(len(recorded))
    return {
        "year": year,
        "version": len(recorded),
        "source": book.source_of(year),
        "library": {"name": LIBRARY, "covers_year": year in library_years()},
        "holidays": [d.isoformat() for d in holidays],
        "makeup_workdays": [d.isoformat() for d in makeup],
        "history": history,
    }
