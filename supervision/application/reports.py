"""Statistics for the provincial department (SUP-8), computed from the cross-service audit trail.

Every figure is derived from the events supervision holds copies of, so a report can be re-run
for any past month and gives the same answer. Rows are (county, programme); figures that belong
to no programme (spot checks, urgent cases, complaints, alerts) use programme "*".

Households brought in by caseload migration (verification's import, ADR 0037: a `CaseApproved`
carrying the `migrated` marker) were approved in the old system, not in the month: they are
counted apart, as `migrated_in`, and neither as approvals nor as new beneficiaries; they are among
the beneficiaries in care like anyone else.

The figures about money are counted as payments counts them, from what payments publishes:
`beneficiaries` are the benefits payable in the month as payments' run selects them (enrolled by
the month's last day; no suspension, termination or age limit effective on or before its first
day, unless a resumption lifted it by then — by the stop's own date, not the day it was
recorded). `spending_fen` is the money settled for the month's period, as a run's figures
count it, whenever the bank settled it (paid early in the month before, or retried after).
Approvals and rejections include the decisions of the partner agencies competent for
a programme (`intake.ProgrammeDecidedByAgency`, ADR 0032), whose enrolments payments counts like
any other. A programme an agency pays itself (`payments.PaidByPartnerRecorded`) is an approval
but no beneficiary, as payments pays nothing.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import CHINA
from shared.exports import spreadsheet_safe

ALL = "*"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("county_code", "县级区划"),
    ("programme", "救助项目"),
    ("applications", "申请数"),
    ("approvals", "批准数"),
    ("migrated_in", "存量迁移纳入数"),
    ("rejections", "不予批准数"),
    ("processing_days_avg", "平均办理天数"),
    ("spot_check_rate", "入户抽查比例"),
    ("new_beneficiaries", "新增保障对象"),
    ("beneficiaries", "当月在保对象"),
    ("spending_fen", "发放金额（分）"),
    ("urgent_response_hours_avg", "急难响应平均小时"),
    ("complaints", "投诉举报数"),
    ("alerts", "违规线索数"),
    ("inspection_findings", "督查发现问题数"),
    ("outreach_visits", "走访慰问户次"),
    ("rough_sleeper_help", "流浪乞讨人员救助人次"),
    ("children_registered", "留守困境儿童登记数"),
    ("child_allowance_assessments", "儿童生活费评估数"),
    ("relief_goods_issues", "救灾物资发放户次"),
)
_MIGRATED = "COALESCE(jsonb_typeof({e}.data->'migrated'), 'null') = 'object'"
# an enrolment whose approval came with the caseload migration (payments' event has no marker)
_FROM_MIGRATION = (
    "EXISTS (SELECT 1 FROM audit_trail m WHERE m.case_id = t.case_id"
    " AND m.type = 'verification.CaseApproved' AND m.data->>'programme' = t.data->>'programme'"
    f" AND {_MIGRATED.format(e='m')})"
)
_AGENCY = "intake.ProgrammeDecidedByAgency"
_WINDOW = "t.recorded_at >= :start AND t.recorded_at < :end AND COALESCE({div}, '') LIKE :prefix"

_DECIDED = "t.data->>'division_code'", "t.data->>'programme'"
# metric → (types, division expr, programme expr)
_COUNTS: dict[str, tuple[tuple[str, ...], str, str]] = {
    # the county's decisions and, for the programmes partner agencies decide (ADR 0032), theirs
    "approvals": (("verification.CaseApproved", _AGENCY), *_DECIDED),
    "migrated_in": (("verification.CaseApproved",), *_DECIDED),
    "rejections": (("verification.CaseRejected", _AGENCY), *_DECIDED),
    "new_beneficiaries": (
        ("payments.BeneficiaryEnrolled",),
        "t.data->>'division_code'",
        "t.data->>'programme'",
    ),
    "complaints": (("supervision.ComplaintReceived",), "t.data->>'division_code'", "'*'"),
    "alerts": (("supervision.AlertRaised",), "t.data->>'division_code'", "'*'"),
    # the rest of the notice (INT-11, VER-10, PAY-9, PAY-10): what was done, counted, no one named
    "outreach_visits": (("intake.HouseholdVisited",), "t.data->>'division_code'", "'*'"),
    "rough_sleeper_help": (
        ("intake.RoughSleeperHelped",),
        "t.data->>'aid_point_division'",
        "'vagrant_assistance'",
    ),
    "children_registered": (("verification.ChildRegistered",), "t.data->>'division_code'", "'*'"),
    "child_allowance_assessments": (
        ("verification.ChildAllowanceAssessed",),
        "t.data->>'division_code'",
        "t.data->>'allowance'",
    ),
    "relief_goods_issues": (
        ("payments.ReliefGoodsIssued",),
        "t.data->>'division_code'",
        "'disaster_relief'",
    ),
}

_ONLY: dict[str, str] = {  # metric → the condition its events must also meet
    "approvals": f"NOT {_MIGRATED.format(e='t')}"
    f" AND (t.type <> '{_AGENCY}' OR t.data->>'outcome' = 'approved')",
    "rejections": f"(t.type <> '{_AGENCY}' OR t.data->>'outcome' = 'rejected')",
    "migrated_in": _MIGRATED.format(e="t"),
    "new_beneficiaries": f"NOT {_FROM_MIGRATION}",
}


@dataclass(frozen=True)
class Period:
    """A calendar month in China time."""

    year: int
    month: int

    @classmethod
    def parse(cls, text_: str) -> Period:
        """`2026-11` → Period(2026, 11)."""
        parsed = date.fromisoformat(f"{text_}-01")
        return cls(parsed.year, parsed.month)

    @property
    def start(self) -> datetime:
        """The first instant of the month."""
        return datetime(self.year, self.month, 1, tzinfo=CHINA)

    @property
    def end(self) -> datetime:
        """The first instant of the next month."""
        year, month = (self.year + 1, 1) if self.month == 12 else (self.year, self.month + 1)
        return datetime(year, month, 1, tzinfo=CHINA)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


Rows = dict[tuple[str, str], dict[str, Any]]


async def statistics(engine: AsyncEngine, period: Period, prefix: str) -> list[dict[str, Any]]:
    """One row per (county, programme) with every figure of SUP-8 for the month."""
    params = {
        "start": period.start,
        "end": period.end,
        "first_day": period.start.date(),
        "next_month_day": period.end.date(),
        "prefix": prefix + "%",
        "period": str(period),
    }
    rows: Rows = defaultdict(dict)
    async with engine.connect() as conn:
        for metric, (types, division, programme) in _COUNTS.items():
            query = (
                f"SELECT left({division}, 6) AS county, {programme} AS programme, count(*) AS n"
                f" FROM audit_trail t WHERE t.type = ANY(:types) AND {_WINDOW.format(div=division)}"
                f" AND {_ONLY.get(metric, 'true')}"
                " GROUP BY 1, 2"
            )
            for r in await conn.execute(text(query), {**params, "types": list(types)}):
                rows[(r.county, r.programme)][metric] = int(r.n)
        for sql, metric in _SPECIAL:
            for r in await conn.execute(text(sql), params):
                value = r.value if isinstance(r.value, int) else round(float(r.value), 2)
                rows[(r.county, r.programme)][metric] = value
    return [
        _row(county, programme, figures) for (county, programme), figures in sorted(rows.items())
    ]


def _row(county: str, programme: str, figures: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {"county_code": county, "programme": programme}
    for name, _ in COLUMNS[2:]:
        row[name] = figures.get(name, 0 if not name.endswith(("_avg", "_rate")) else None)
    return row


_APPLICATIONS = f"""
SELECT left(t.data->>'division_code', 6) AS county, p.programme, count(*) AS value
FROM audit_trail t
    CROSS JOIN LATERAL jsonb_array_elements_text(t.data->'programmes') AS p(programme)
WHERE t.type = 'intake.ApplicationSubmitted' AND {_WINDOW.format(div="t.data->>'division_code'")}
GROUP BY 1, 2
"""
_PROCESSING = f"""
SELECT left(t.data->>'division_code', 6) AS county, t.data->>'programme' AS programme,
    avg(extract(epoch FROM t.recorded_at - s.recorded_at) / 86400.0) AS value
FROM audit_trail t JOIN audit_trail s ON s.case_id = t.case_id
    AND s.type = 'intake.ApplicationSubmitted'
WHERE t.type = 'verification.CaseApproved' AND {_WINDOW.format(div="t.data->>'division_code'")}
GROUP BY 1, 2
"""
_SPOT_CHECKS = f"""
SELECT t.data->>'county_code' AS county, '*' AS programme,
    sum(jsonb_array_length(t.data->'sample'))::float
        / NULLIF(sum(jsonb_array_length(t.data->'households')), 0) AS value
FROM audit_trail t
WHERE t.type = 'verification.SpotCheckSampleDrawn'
    AND {_WINDOW.format(div="t.data->>'county_code'")}
GROUP BY 1, 2
"""
# the money paid for the month, whenever the bank settled it (a month paid early, 提前发放, in the
# month before, or retried in the month after), as payments counts a run's period
_SPENDING = """
SELECT left(c.division_code, 6) AS county, t.data->>'programme' AS programme,
    sum((t.data->>'amount_fen')::bigint)::bigint AS value
FROM audit_trail t JOIN case_index c ON c.case_id = t.data->>'case_id'
WHERE t.type = 'payments.PaymentSettled' AND t.data->>'period' = :period
    AND c.division_code LIKE :prefix
GROUP BY 1, 2
"""
_URGENT = f"""
SELECT left(o.data->>'division_code', 6) AS county, '*' AS programme,
    avg(extract(epoch FROM t.recorded_at - o.recorded_at) / 3600.0) AS value
FROM audit_trail t JOIN audit_trail o ON o.type = 'intake.UrgentCaseOpened'
    AND o.data->>'urgent_case_id' = t.data->>'urgent_case_id'
WHERE t.type = 'intake.UrgentCaseResponded' AND {_WINDOW.format(div="o.data->>'division_code'")}
GROUP BY 1, 2
"""
_FINDINGS = f"""
SELECT left(t.data->>'division_code', 6) AS county, '*' AS programme,
    sum(jsonb_array_length(t.data->'findings'))::bigint AS value
FROM audit_trail t
WHERE t.type = 'supervision.InspectionRecorded' AND {_WINDOW.format(div="t.data->>'division_code'")}
GROUP BY 1, 2
"""
# payable in the month, as payments' run selects a benefit (`Beneficiary.payable_in`): enrolled
# from the month's last day at the latest, and no suspension, termination or age limit reached
# effective on or before its first day (a stop from 1 December still pays November) unless the
# first resumption after it on the benefit's stream pays again from that day or before (ADR
# 0066: the months between stay unpaid) — each as payments published it by the month's end
_STOCK = """
SELECT left(t.data->>'division_code', 6) AS county, t.data->>'programme' AS programme,
    count(*) AS value
FROM audit_trail t
WHERE t.type = 'payments.BeneficiaryEnrolled' AND t.recorded_at < :end
    AND COALESCE(t.data->>'division_code', '') LIKE :prefix
    AND CAST(t.data->>'effective_from' AS date) < :next_month_day
    AND NOT EXISTS (SELECT 1 FROM audit_trail e WHERE e.case_id = t.case_id
        AND e.type IN ('payments.BeneficiarySuspended', 'payments.BeneficiaryTerminated',
            'payments.ChildAllowanceAgeLimitReached')
        AND e.data->>'programme' = t.data->>'programme' AND e.recorded_at < :end
        AND CAST(COALESCE(e.data->>'effective_from', e.data->>'coming_of_age_stopped_from')
            AS date) <= :first_day
        AND NOT EXISTS (SELECT 1 FROM (
                SELECT r.data->>'effective_from' AS paid_again_from FROM audit_trail r
                WHERE r.case_id = e.case_id AND r.stream_id = e.stream_id
                    AND r.type = 'payments.BeneficiaryResumed' AND r.recorded_at < :end
                    AND r.stream_version > e.stream_version
                ORDER BY r.stream_version LIMIT 1
            ) lifted WHERE CAST(lifted.paid_again_from AS date) <= :first_day))
GROUP BY 1, 2
"""
_SPECIAL = (
    (_APPLICATIONS, "applications"),
    (_PROCESSING, "processing_days_avg"),
    (_SPOT_CHECKS, "spot_check_rate"),
    (_SPENDING, "spending_fen"),
    (_STOCK, "beneficiaries"),
    (_URGENT, "urgent_response_hours_avg"),
    (_FINDINGS, "inspection_findings"),
)


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The rows as CSV with a bilingual header (UTF-8 with BOM, so spreadsheets read Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"{zh} {en}" for en, zh in COLUMNS])
    for row in rows:
        writer.writerow(
            ["" if row[name] is None else spreadsheet_safe(row[name]) for name, _ in COLUMNS]
        )
    return "\ufeff" + out.getvalue()
