"""Public notices per village (VER-6): the configured fields, never an ID or a health detail."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine
from shared.identity import TownshipOrVillageCodeStr
from shared.places.names import names_by_level
from verification.application.service import Verification
from verification.entrypoints.wiring import VerificationService
from verification.reactions.amounts import amounts_in_force

router = APIRouter(prefix="/v1/notices", tags=["notices 公示"])
NOTICE_READERS = require_roles(
    "village_committee",
    "township_officer",
    "county_officer",
    "city_officer",
    "province_officer",
    "inspector",
    "auditor",
)
PROGRAMME_ZH = {
    "urban_dibao": "城市最低生活保障",
    "rural_dibao": "农村最低生活保障",
    "extreme_poverty": "特困人员救助供养",
    "temporary_assistance": "临时救助",
    "elderly_subsidy": "困难老年人补贴",
    "children_in_difficulty": "困境儿童保障",
}
COLUMN_ZH = {
    "name": "户主姓名",
    "household_size": "保障人口",
    "members": "家庭成员",
    "income": "家庭月收入（元）",
    "amount": "月保障金额（元）",
}


class NoticeEntry(BaseModel):
    """One household on a notice: only the configured fields are filled."""

    programme: str
    status: str  # proposed (notice period) | approved (long-term list)
    name: str | None = None
    household_size: int | None = None
    members: list[str] | None = None
    income_fen: int | None = None
    amount_fen: int | None = None
    objections_until: date | None = None


class VillageNotice(BaseModel):
    """The notice board of one village or community, named where the register knows it."""

    village_code: str
    village_name: str | None = None
    township_name: str | None = None
    county_name: str | None = None
    fields: list[str]
    entries: list[NoticeEntry]


async def _notice(
    engine: AsyncEngine, verification: Verification, village_code: str, principal: Principal
) -> VillageNotice:
    ensure_jurisdiction(principal, village_code)
    fields = list(verification.policy.notice_fields)
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                text(
                    "SELECT * FROM cases_view WHERE COALESCE(village_code, division_code) = :v"
                    " AND stage IN ('notice', 'approved') ORDER BY stage DESC, case_id, programme"
                ),
                {"v": village_code},
            )
        ).all()
        names = await names_by_level(conn, village_code)
        paid = await amounts_in_force(conn, [r.case_id for r in rows], verification.today())
    return VillageNotice(
        village_code=village_code,
        village_name=names.get("village"),
        township_name=names.get("township"),
        county_name=names.get("county"),
        fields=fields,
        entries=[_entry(dict(r._mapping), fields, paid) for r in rows],
    )


def _amount(row: dict[str, Any], paid: dict[tuple[str, str], int]) -> int | None:
    """In the notice period the township's proposal; once approved the amount payments pays
    (by rule it computes it), else the county's fixed amount; None while neither is known."""
    if row["stage"] == "notice":
        proposed: int | None = row["proposed_amount_fen"]
        return proposed
    fixed: int | None = row["approved_amount_fen"] or None
    return paid.get((row["case_id"], row["programme"]), fixed)


def _entry(row: dict[str, Any], fields: list[str], paid: dict[tuple[str, str], int]) -> NoticeEntry:
    members = [m for m in row["members"] or [] if not m.get("deceased")]
    proposed = row["stage"] == "notice"
    size = len(members) if members else row["household_size"]
    return NoticeEntry(
        programme=row["programme"],
        status="proposed" if proposed else "approved",
        name=members[0]["name"] if "name" in fields and members else None,
        household_size=size if "household_size" in fields else None,
        members=[m["name"] for m in members] if "members" in fields else None,
        income_fen=row["assessed_income_fen"] if "income" in fields else None,
        amount_fen=_amount(row, paid) if "amount" in fields else None,
        objections_until=row["notice_ends"] if proposed else None,
    )


@router.get(
    "/{village_code}",
    response_model=VillageNotice,
    response_model_exclude_none=True,
    summary="公示 The notice board of a village (JSON)",
    responses=problem_responses(401, 403, 422),
)
async def get_village_notice(
    village_code: TownshipOrVillageCodeStr,
    engine: Engine,
    verification: VerificationService,
    principal: Principal = Depends(NOTICE_READERS),
) -> VillageNotice:
    """Households in their notice period and the long-term list of approved households, at the
    village, or at the township for households registered there (a wider code: 422)."""
    return await _notice(engine, verification, village_code, principal)


@router.get(
    "/{village_code}/print",
    response_class=HTMLResponse,
    summary="公示（打印） The printable notice in Chinese (HTML)",
    responses=problem_responses(401, 403, 422),
)
async def print_village_notice(
    village_code: TownshipOrVillageCodeStr,
    engine: Engine,
    verification: VerificationService,
    principal: Principal = Depends(NOTICE_READERS),
) -> HTMLResponse:
    """A page to print and post at the place of residence."""
    notice = await _notice(engine, verification, village_code, principal)
    head = "".join(f"<th>{COLUMN_ZH[f]}</th>" for f in notice.fields)
    rows = "".join(_row_html(e, notice.fields) for e in notice.entries)
    place = escape(_place_label(notice))
    body = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>社会救助公示 {place}</title></head><body>"
        f"<h1>城乡低保等社会救助对象公示（{place}）</h1>"
        "<p>如有异议，请在公示期内向乡镇人民政府（街道办事处）反映，可匿名。</p>"
        f'<table border="1"><thead><tr><th>救助项目</th><th>状态</th>{head}'
        f"<th>异议截止</th></tr></thead><tbody>{rows}</tbody></table></body></html>"
    )
    return HTMLResponse(body)


def _place_label(notice: VillageNotice) -> str:
    """County, township and village names where known, then the code."""
    names = [notice.county_name, notice.township_name, notice.village_name]
    named = "".join(n for n in names if n)
    return f"{named} {notice.village_code}" if named else notice.village_code


def _yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen // 100}.{fen % 100:02d}"


def _row_html(entry: NoticeEntry, fields: list[str]) -> str:
    cells = {
        "name": entry.name or "",
        "household_size": str(entry.household_size or ""),
        "members": "、".join(entry.members or []),
        "income": _yuan(entry.income_fen),
        "amount": _yuan(entry.amount_fen),
    }
    status = "公示中（拟保）" if entry.status == "proposed" else "已批准"
    tds = "".join(f"<td>{escape(cells[f])}</td>" for f in fields)
    # objections are taken during the notice period before approval (VER-6); the long-term
    # list of approved households has none (a complaint goes to supervision, SUP-2)
    until = entry.objections_until.isoformat() if entry.objections_until else "—"
    return (
        f"<tr><td>{escape(PROGRAMME_ZH.get(entry.programme, entry.programme))}</td>"
        f"<td>{status}</td>{tds}<td>{until}</td></tr>"
    )
