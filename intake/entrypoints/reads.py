"""Reading intake's read models: lookups, filtered lists with cursors, masked output."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from intake.domain.programmes import COMPETENT_AGENCY, Programme
from intake.schemas import ApplicationRead, BankAccountHolderOut, MemberOut, RouteOut
from shared.http.pagination import InvalidCursor, Page, encode_cursor
from shared.identity import jurisdiction_prefix, validate_resident_id
from shared.privacy import mask_resident_id


async def find_application(engine: AsyncEngine, application_id: str) -> dict[str, Any] | None:
    """The applications_view row, or None."""
    async with engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM applications_view WHERE application_id = :id"),
            {"id": application_id},
        )
        row = result.first()
    return dict(row._mapping) if row else None


async def page_of_applications(
    engine: AsyncEngine,
    scope: str,
    filters: dict[str, str | None],
    limit: int,
    cursor: dict[str, Any] | None,
    today: date,
    readable: list[str] | None = None,
) -> Page[ApplicationRead]:
    """One page of applications inside `scope`, oldest first; with `readable`, only those
    applying for one of these programmes."""
    where = ["division_code LIKE :prefix"]
    params: dict[str, Any] = {"prefix": jurisdiction_prefix(scope) + "%", "limit": limit + 1}
    if readable is not None:
        where.append("programmes ?| CAST(:readable AS text[])")
        params["readable"] = readable
    if filters.get("programme"):
        where.append("programmes ? :programme")
        params["programme"] = str(filters["programme"])
    if filters.get("status"):
        where.append("status = :status")
        params["status"] = filters["status"]
    if filters.get("awaiting_agency"):
        where.append("routes @> CAST(:pending AS jsonb)")
        params["pending"] = json.dumps([{"agency": filters["awaiting_agency"], "outcome": None}])
    if cursor is not None:
        where.append("(accepted_at, application_id) > (:at, :after)")
        params.update(cursor_position(cursor))
    query = (
        f"SELECT * FROM applications_view WHERE {' AND '.join(where)}"
        " ORDER BY accepted_at, application_id LIMIT :limit"
    )
    async with engine.connect() as conn:
        rows = [dict(r._mapping) for r in await conn.execute(text(query), params)]
    return page_of(rows, limit, lambda r: read_from_row(r, today), _cursor_of)


def page_of(rows: list[dict[str, Any]], limit: int, read: Any, cursor_of: Any) -> Page[Any]:
    """A page from `limit + 1` rows: the extra row only says that there is a next page."""
    items = [read(r) for r in rows[:limit]]
    next_cursor = cursor_of(rows[limit - 1]) if len(rows) > limit else None
    return Page(items=items, next_cursor=next_cursor)


def _cursor_of(row: dict[str, Any]) -> str:
    return keyset_cursor(row["accepted_at"], row["application_id"])


def cursor_position(
    cursor: dict[str, Any], parse: Callable[[str], date | datetime] = datetime.fromisoformat
) -> dict[str, Any]:
    """The keyset position (`:at`, `:after`) inside a cursor made by `keyset_cursor`."""
    try:
        return {"at": parse(str(cursor["at"])), "after": str(cursor["id"])}
    except (KeyError, ValueError):
        raise InvalidCursor(
            "the cursor is not one this API handed out; start again without it",
            "分页游标无效，请不带游标重新查询",
            field="query.cursor",
        ) from None


def keyset_cursor(at: date | datetime, item_id: str) -> str:
    """An opaque cursor after the row ordered by (at, id)."""
    return encode_cursor({"at": at.isoformat(), "id": item_id})


def _member_out(member: dict[str, Any], today: date) -> MemberOut:
    resident_id = validate_resident_id(member["resident_id"])
    return MemberOut(
        resident_id_masked=resident_id.masked(),
        name=member["name"],
        relation=member["relation"],
        age=_age(resident_id.birth_date, today),
        sex=resident_id.sex,
    )


def _holder_out(holder: Any) -> BankAccountHolderOut | None:
    if not holder:
        return None
    holder = _json(holder)
    return BankAccountHolderOut(
        name=holder["name"], resident_id_masked=mask_resident_id(holder["resident_id"])
    )


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def programmes_of(row: dict[str, Any]) -> list[str]:
    """The programmes an applications_view row applies for."""
    return list(_json(row["programmes"]))


def read_from_row(
    row: dict[str, Any], today: date, with_routes_from_programmes: bool = False
) -> ApplicationRead:
    """The API representation of an applications_view row (resident IDs masked)."""
    programmes = programmes_of(row)
    routes = _json(row.get("routes") or [])
    if with_routes_from_programmes:
        details = row.get("details") or {}
        routes = [
            {
                "programme": p,
                "agency": COMPETENT_AGENCY[Programme(p)],
                "details": details.get(p, {}),
            }
            for p in programmes
        ]
    return ApplicationRead(
        application_id=row["application_id"],
        version=row["version"],
        division_code=row["division_code"],
        registration=row["registration"],
        programmes=[Programme(p) for p in programmes],
        routes=[RouteOut(**r) for r in routes],
        status=row["status"],
        members=[_member_out(m, today) for m in _json(row["members"])],
        declared_monthly_income_fen=row["declared_monthly_income_fen"],
        declared_assets_fen=row.get("declared_assets_fen", 0),
        bank_account_holder=_holder_out(row.get("bank_account_holder")),
        staff_relative=bool(row.get("staff_relative")),
        accepted_by=row["accepted_by"],
        accepted_at=row["accepted_at"],
    )
