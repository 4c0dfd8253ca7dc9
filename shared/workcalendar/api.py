"""The working calendar over HTTP, mounted by every service with deadlines (one implementation).

PUT loads or corrects a year (province_officer or ops; Idempotency-Key; If-Match once the year
has a version); GET shows the days in force, where they come from and every version loaded.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.domain.errors import ConcurrencyConflict
from shared.http.auth import current_principal, require_roles
from shared.http.commands import ensure_current, request_metadata
from shared.http.etag import (
    PreconditionRequired,
    etag_for,
    expected_version_from_if_match,
    precondition_failed_from,
)
from shared.http.idempotency import StoredResponse, idempotency_key, respond_idempotently
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Registry, Store, wired
from shared.runtime import ServiceRuntime
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import CalendarYear, CalendarYearSet
from shared.workdays import LIBRARY, library_years

router = APIRouter(prefix="/v1/calendar", tags=["calendar 工作日历"])
LOADERS = require_roles("province_officer", "ops")
YEAR = Path(ge=2000, le=2100, description="the civil year")
Book = Annotated[CalendarBook, wired("calendar_book")]
CalendarYears = Annotated[Repository[CalendarYear], wired("calendar_years")]


class YearIn(BaseModel):
    """A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知)."""

    holidays: list[date] = Field(max_length=366, description="days off, weekends within included")
    makeup_workdays: list[date] = Field(
        max_length=366, description="Saturdays or Sundays worked (调休上班日)"
    )
    document_ref: str = Field(min_length=1, max_length=200, examples=["国办发明电〔2026〕x号"])
    reason: str = Field(min_length=1, max_length=2000)
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


@router.put("/years/{year}", responses=problem_responses(400, 401, 403, 409, 412, 422, 428),
            openapi_extra=IF_MATCH_WHEN_EXISTS, response_model=LoadedYear,
            summary="载入或更正节假日安排 Load or correct a year (If-Match)")  # fmt: skip
async def load_calendar_year(body: YearIn, request: Request, book: Book,
                   repository: CalendarYears, engine: Engine, year: int = YEAR,
                   principal: Principal = Depends(LOADERS),
                   key: str = Depends(idempotency_key)) -> JSONResponse:  # fmt: skip
    """Record the year's days as a new version; deadlines computed from now on use them."""
    expected = expected_version_from_if_match(request, required=False)
    event = book.event_class(year, tuple(sorted(set(body.holidays))),
                             tuple(sorted(set(body.makeup_workdays))), body.document_ref,
                             body.reason)  # fmt: skip

    async def operation(conn: AsyncConnection) -> StoredResponse:
        calendar = await repository.find(str(year), conn) or CalendarYear(str(year))
        if expected is None and calendar.version > 0:
            raise PreconditionRequired(
                f"{year} is at version {calendar.version}: send If-Match with it to correct it",
                f"{year} 年已有版本 {calendar.version}，更正时请在 If-Match 中提供该版本",
                current_etag=etag_for(calendar.version),
            )
        if expected is not None:
            ensure_current(calendar.stream_id, expected, calendar.version)
        calendar.set_year(event)
        try:
            await repository.save(calendar, request_metadata(principal, body.reason), conn)
        except ConcurrencyConflict as conflict:
            raise precondition_failed_from(conflict) from None
        read = {"year": year, **_version(event, calendar.version)}
        return StoredResponse(200, read, {"ETag": etag_for(calendar.version)})

    response = await respond_idempotently(request, client_id=principal.client_id, key=key,
                                          operation=operation)  # fmt: skip
    await book.refresh(engine)
    return response


@router.get("/years/{year}", responses=problem_responses(401, 403), response_model=YearRead,
            summary="某年工作日历 A year's days in force and their history")  # fmt: skip
async def get_calendar_year(response: Response, book: Book, store: Store,
                            registry: Registry, year: int = YEAR,
                   _: Principal = Depends(current_principal)) -> dict[str, Any]:  # fmt: skip
    """The days in force, where they come from (library or loaded version N) and every version."""
    recorded = await store.read_stream(CalendarYear.stream_id_for(str(year)))
    history = []
    for event in recorded:
        entry = _version(registry.deserialize(event), event.stream_version)
        actor = event.metadata.actor
        entry.update(recorded_at=event.recorded_at.isoformat(),
                     actor={"id": actor.id, "role": actor.role, "org": actor.org})  # fmt: skip
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
