"""Detectors on who is paid: duplicate IDs, undeclared assets, undeclared relatives of staff."""

from __future__ import annotations

from shared.contracts.intake import StaffRelativeDeclared
from shared.contracts.supervision import StaffRegistered
from shared.contracts.verification import CaseApproved, EvidenceRecorded
from shared.privacy import mask_resident_id
from supervision.detectors.money import check_village, on_account, on_holder
from supervision.detectors.tables import DetectorContext
from supervision.domain.alerts import Detector

ASSET_SOURCES = {"vehicles": "车辆", "business_registration": "工商登记（企业）"}


async def on_approved(ctx: DetectorContext, event: CaseApproved) -> None:
    """An approved case: remember the household, then run every rule that involves it."""
    case_id, programme, division = event.case_id, event.programme, event.division_code
    await ctx.run(
        "INSERT INTO det_cases VALUES (:c, :p, :d, :i, :r, :h) ON CONFLICT DO NOTHING",
        c=case_id,
        p=programme,
        d=division,
        i=event.assessed_monthly_income_fen,
        r=event.rural_class,
        h=event.household_size,
    )
    for member in event.members:
        key = ctx.key_of(member.resident_id)
        await ctx.run(
            "INSERT INTO det_members VALUES (:k, :c, :p, :r, :m) ON CONFLICT DO NOTHING",
            k=key,
            c=case_id,
            p=programme,
            r=member.relation,
            m=mask_resident_id(member.resident_id),
        )
        await check_duplicate(ctx, key, programme)
        await check_assets(ctx, key)
        await check_relative(ctx, key)
    if event.bank_account:
        await on_account(ctx, case_id, event.bank_account, division)
        holder = event.bank_account_holder_resident_id  # optional: older approvals carry none
        if holder:
            await on_holder(ctx, event, holder, event.bank_account)
    if len(division) == 12:
        await check_village(ctx, division, programme)


async def check_duplicate(ctx: DetectorContext, resident_key: str, programme: str) -> None:
    """虚报冒领: one person a member of two households receiving the same programme.

    One alert per county involved, each listing every household, so that each county sees it in
    its own jurisdiction and acts on it; a later household brings every one of them up to date.
    """
    rows = await ctx.rows(
        "SELECT m.case_id, m.masked, c.division_code FROM det_members m"
        " JOIN det_cases c USING (case_id, programme)"
        " WHERE m.resident_key = :k AND m.programme = :p ORDER BY m.case_id",
        k=resident_key,
        p=programme,
    )
    if len(rows) < 2:
        return
    counties = sorted({str(r["division_code"])[:6] for r in rows})
    cases = [r["case_id"] for r in rows]
    for county in counties:
        await ctx.raise_or_update(
            Detector.DUPLICATE_ID,
            f"{resident_key}:{programme}:{county}",
            county,
            cases,
            f"身份证号{rows[0]['masked']}同时在{len(rows)}户享受{programme}",
            {
                "resident_id_masked": rows[0]["masked"],
                "programme": programme,
                "households": len(rows),
                "counties": counties,
                "households_by_division": {
                    str(r["case_id"]): str(r["division_code"]) for r in rows
                },
            },
        )


async def on_evidence(ctx: DetectorContext, event: EvidenceRecorded) -> None:
    """Partner evidence about a member: vehicles or companies owned."""
    if event.source in ASSET_SOURCES and event.assets_fen > 0:
        key = ctx.key_of(event.resident_id)
        await ctx.run(
            "INSERT INTO det_assets VALUES (:k, :c, :s, :a) ON CONFLICT DO NOTHING",
            k=key,
            c=event.case_id,
            s=event.source,
            a=event.assets_fen,
        )
        await check_assets(ctx, key)


async def check_assets(ctx: DetectorContext, resident_key: str) -> None:
    """虚报冒领: a member of an approved household owns a vehicle or a company."""
    rows = await ctx.rows(
        "SELECT DISTINCT m.case_id, m.masked, a.source, a.assets_fen, c.division_code"
        " FROM det_assets a JOIN det_members m ON m.resident_key = a.resident_key"
        " AND m.case_id = a.case_id JOIN det_cases c ON c.case_id = m.case_id"
        " AND c.programme = m.programme WHERE a.resident_key = :k",
        k=resident_key,
    )
    for row in rows:
        await ctx.raise_alert(
            Detector.UNDECLARED_ASSETS,
            f"{row['case_id']}:{resident_key}:{row['source']}",
            row["division_code"],
            [row["case_id"]],
            f"保障对象{row['masked']}名下有{ASSET_SOURCES[row['source']]}，价值{row['assets_fen']}分",
            {
                "resident_id_masked": row["masked"],
                "source": row["source"],
                "assets_fen": row["assets_fen"],
            },
        )


async def on_declared(ctx: DetectorContext, event: StaffRelativeDeclared) -> None:
    """intake.StaffRelativeDeclared: a declared relative is registered apart, not concealed."""
    await ctx.run(
        "INSERT INTO det_declared VALUES (:c, :k) ON CONFLICT DO NOTHING",
        c=event.application_id,
        k=ctx.key_of(event.member_resident_id),
    )


async def on_staff(ctx: DetectorContext, event: StaffRegistered) -> None:
    """A staff member registered: they and their relatives are checked against beneficiaries."""
    for relative in (event.staff_key, *event.relative_keys):
        await ctx.run(
            "INSERT INTO det_staff_relatives VALUES (:r, :s, :o, :role) ON CONFLICT DO NOTHING",
            r=relative,
            s=event.staff_key,
            o=event.org,
            role=event.role,
        )
        await check_relative(ctx, relative)


async def check_relative(ctx: DetectorContext, resident_key: str) -> None:
    """人情保、关系保: a beneficiary who is staff or a staff relative, not declared at intake."""
    rows = await ctx.rows(
        "SELECT DISTINCT m.case_id, m.masked, s.org, s.role, c.division_code"
        " FROM det_staff_relatives s JOIN det_members m ON m.resident_key = s.relative_key"
        " JOIN det_cases c ON c.case_id = m.case_id AND c.programme = m.programme"
        " WHERE s.relative_key = :k AND NOT EXISTS (SELECT 1 FROM det_declared d"
        " WHERE d.case_id = m.case_id AND d.resident_key = m.resident_key)",
        k=resident_key,
    )
    for row in rows:
        await ctx.raise_alert(
            Detector.FAVOURITISM,
            f"{row['case_id']}:{resident_key}",
            row["division_code"],
            [row["case_id"]],
            f"保障对象{row['masked']}系{row['org']}{row['role']}本人或近亲属，受理时未申报",
            {
                "resident_id_masked": row["masked"],
                "staff_org": row["org"],
                "staff_role": row["role"],
                "declared": False,
            },
        )
