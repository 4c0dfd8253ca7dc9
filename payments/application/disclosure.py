"""Public disclosure of fund use (资金使用公示) and performance figures (PAY-7)."""

from __future__ import annotations

import html
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.bank_file import yuan
from payments.application.funds import funds_position
from payments.application.periods import period_end, period_start
from payments.projections.beneficiaries import PAYABLE_IN_PERIOD

_PERFORMANCE = text(
    """
    SELECT count(*) AS instructed,
        count(*) FILTER (WHERE status = 'settled') AS settled,
        count(*) FILTER (WHERE status = 'settled'
            AND (settled_at AT TIME ZONE 'Asia/Shanghai')::date
                <= (to_date(period, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
        ) AS on_time,
        count(DISTINCT (case_id, programme)) FILTER (WHERE status = 'settled')
            AS paid_beneficiaries,
        coalesce(sum(amount_fen) FILTER (WHERE status = 'settled'), 0) AS paid_fen
    FROM payments_view WHERE left(division_code, 6) = :county
    """
)
_LATEST_PERIOD = text(
    "SELECT max(period) FROM payments_view WHERE left(division_code, 6) = :county"
)
# one population for one period: the benefits due in the month (enrolled from its last day at the
# latest, not stopped on or before its first, as a run selects them) and, of those same benefits,
# the ones whose payment of that month settled — so the share cannot exceed 1
_COVERAGE = text(
    f"""
    SELECT count(*) AS due, count(p.case_id) AS paid
    FROM beneficiaries_view b
    LEFT JOIN payments_view p ON p.case_id = b.case_id AND p.programme = b.programme
        AND p.period = :period AND p.status = 'settled'
    WHERE b.county_code = :county AND b.effective_from <= :period_end AND {PAYABLE_IN_PERIOD}
    """
)
PROGRAMME_ZH = {
    "urban_dibao": "城市低保",
    "rural_dibao": "农村低保",
    "extreme_poverty": "特困供养",
    "disability_subsidies": "残疾人两项补贴",
    "elderly_subsidy": "困难老年人补贴",
    "temporary_assistance": "临时救助",
    "medical_assistance": "医疗救助",
    "disease_emergency": "疾病应急救助",
}


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


async def disclosure(conn: AsyncConnection, county: str) -> dict[str, Any]:
    """Funds by programme and the performance figures of the county's payments."""
    period = (await conn.execute(_LATEST_PERIOD, {"county": county})).scalar_one()
    position = await funds_position(conn, county, period)
    perf = (await conn.execute(_PERFORMANCE, {"county": county})).one()
    coverage = await _coverage(conn, county, period) if period else None
    paid_fen = int(perf.paid_fen)
    return {
        "county_code": county,
        "programmes": [
            {
                "programme": p.programme,
                "allocated_fen": p.allocated_fen,
                "arrived_fen": p.arrived_fen,
                "paid_fen": p.paid_fen,
                "available_fen": p.available_fen,
            }
            for p in position
        ],
        "performance": {
            "payout_rate": _rate(perf.settled, perf.instructed),
            "on_time_rate": _rate(perf.on_time, perf.settled),
            "coverage": coverage,
            "coverage_period": period,
            "cost_per_beneficiary_fen": paid_fen // perf.paid_beneficiaries
            if perf.paid_beneficiaries
            else None,
            "paid_fen": paid_fen,
            "beneficiaries_paid": perf.paid_beneficiaries,
        },
    }


async def _coverage(conn: AsyncConnection, county: str, period: str) -> float | None:
    """Benefits paid for `period` / benefits due in `period` (the same benefits counted)."""
    params = {
        "county": county,
        "period": period,
        "period_start": period_start(period),
        "period_end": period_end(period),
    }
    row = (await conn.execute(_COVERAGE, params)).one()
    return _rate(int(row.paid), int(row.due))


def disclosure_html(disclosed: dict[str, Any]) -> str:
    """A printable Chinese page of the disclosure (what `disclosure` answers)."""
    rows = "".join(
        f"<tr><td>{html.escape(PROGRAMME_ZH.get(p['programme'], p['programme']))}</td>"
        f"<td>{yuan(p['allocated_fen'])}</td><td>{yuan(p['arrived_fen'])}</td>"
        f"<td>{yuan(p['paid_fen'])}</td><td>{yuan(p['available_fen'])}</td></tr>"
        for p in disclosed["programmes"]
    )
    perf = disclosed["performance"]
    figures = (
        f"<li>发放成功率：{_percent(perf['payout_rate'])}</li>"
        f"<li>按时发放率：{_percent(perf['on_time_rate'])}</li>"
        f"<li>保障覆盖率（{html.escape(perf['coverage_period'] or '—')}）："
        f"{_percent(perf['coverage'])}</li>"
        f"<li>人均发放：{_money(perf['cost_per_beneficiary_fen'])}元</li>"
    )
    county = html.escape(disclosed["county_code"])
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{county} 困难群众救助资金使用公示</title>"
        "<style>body{font-family:serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #000;padding:4px 8px;text-align:right}"
        "@media print{a{display:none}}</style></head><body>"
        f"<h1>困难群众救助资金使用情况公示（{county}）</h1>"
        "<table><thead><tr><th>项目</th><th>下达资金（元）</th><th>到位资金（元）</th>"
        f"<th>已发放（元）</th><th>结余（元）</th></tr></thead><tbody>{rows}</tbody></table>"
        f"<h2>绩效指标</h2><ul>{figures}</ul>"
        "<p>如对公示内容有异议，请向县级民政部门反映。</p></body></html>"
    )


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.2f}%"


def _money(fen: int | None) -> str:
    return "—" if fen is None else yuan(fen)
