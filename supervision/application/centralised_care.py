"""Centralised care of disabled and semi-disabled extreme-poverty persons (SUP-10, 集中供养比例).

Computed from the audit trail as of the end of a month: every member whose self-care ability
is `none` (全失能) or `partial` (半失能) in the latest extreme-poverty approval of a case not
terminated by then. The arrangement is the approval's `care_arrangement` (verification publishes
it since SUP-10); for older approvals it falls back to the care the household requested at the
one door (intake's `ProgrammeRouted.details.care`), and is `unknown` when neither says.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.exports import spreadsheet_safe
from shared.privacy import mask_name, mask_resident_id

_PERSONS = """
WITH approvals AS (
    SELECT DISTINCT ON (t.data->>'case_id') t.data, t.recorded_at
    FROM audit_trail t
    WHERE t.type = 'verification.CaseApproved' AND t.data->>'programme' = 'extreme_poverty'
        AND t.recorded_at < :end AND COALESCE(t.data->>'division_code', '') LIKE :prefix
    ORDER BY t.data->>'case_id', t.recorded_at DESC, t.position DESC
)
SELECT a.data->>'case_id' AS case_id, a.data->>'county_code' AS county,
    m->>'resident_id' AS resident_id, m->>'name' AS name, m->>'self_care' AS self_care,
    COALESCE(a.data->>'care_arrangement', (
        SELECT r.data->'details'->>'care' FROM audit_trail r
        WHERE r.type = 'intake.ProgrammeRouted' AND r.data->>'programme' = 'extreme_poverty'
            AND r.data->>'application_id' = a.data->>'case_id'
        ORDER BY r.recorded_at DESC LIMIT 1
    ), 'unknown') AS arrangement
FROM approvals a CROSS JOIN LATERAL jsonb_array_elements(a.data->'members') AS m
WHERE m->>'self_care' IN ('none', 'partial')
    AND NOT EXISTS (SELECT 1 FROM audit_trail e WHERE e.type = 'verification.BenefitTerminated'
        AND e.data->>'case_id' = a.data->>'case_id'
        AND e.data->>'programme' = 'extreme_poverty'
        AND e.recorded_at >= a.recorded_at AND e.recorded_at < :end)
ORDER BY 2, 1, 3
"""

COLUMNS: tuple[tuple[str, str], ...] = (
    ("county_code", "县级区划"),
    ("disabled", "失能半失能特困人员"),
    ("centralised", "集中供养"),
    ("scattered", "分散供养"),
    ("unknown", "供养方式未登记"),
    ("share", "集中供养比例"),
    ("target", "目标比例"),
    ("meets_target", "是否达标"),
)


async def persons(engine: AsyncEngine, end: datetime, prefix: str) -> list[dict[str, Any]]:
    """The (semi-)disabled extreme-poverty persons in support at `end`, with their arrangement."""
    async with engine.connect() as conn:
        result = await conn.execute(text(_PERSONS), {"end": end, "prefix": prefix + "%"})
        return [dict(r._mapping) for r in result]


def by_county(people: list[dict[str, Any]], target: Decimal) -> list[dict[str, Any]]:
    """Counts, share in centralised care and whether the target is met, per county."""
    counts: dict[str, dict[str, int]] = defaultdict(
        lambda: {"centralised": 0, "scattered": 0, "unknown": 0}
    )
    for person in people:
        kind = person["arrangement"]
        counts[person["county"]][kind if kind in ("centralised", "scattered") else "unknown"] += 1
    rows = []
    for county, n in sorted(counts.items()):
        total = sum(n.values())
        share = round(n["centralised"] / total, 4) if total else None
        rows.append(
            {
                "county_code": county,
                "disabled": total,
                **n,
                "share": share,
                "target": float(target),
                "meets_target": share is not None and Decimal(str(share)) >= target,
            }
        )
    return rows


def still_dispersed(people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flagged for centralised care (VER-8) but not in it: IDs and names masked."""
    return [
        {
            "county_code": p["county"],
            "case_id": p["case_id"],
            "resident_id_masked": mask_resident_id(p["resident_id"] or ""),
            "name_masked": mask_name(p["name"] or ""),
            "self_care": p["self_care"],
            "arrangement": p["arrangement"],
        }
        for p in people
        if p["arrangement"] != "centralised"
    ]


def as_csv(rows: list[dict[str, Any]]) -> str:
    """The county rows as CSV with a bilingual header (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"{zh} {en}" for en, zh in COLUMNS])
    for row in rows:
        writer.writerow(
            ["" if row[name] is None else spreadsheet_safe(row[name]) for name, _ in COLUMNS]
        )
    return "\ufeff" + out.getvalue()
