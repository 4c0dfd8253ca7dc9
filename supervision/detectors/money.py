"""Detectors on where the money goes: redistribution, averaging, paid after termination or death."""

from __future__ import annotations

from datetime import datetime

from shared.contracts.payments import BankAccountChanged, BeneficiaryUnpayable, PaymentSettled
from shared.contracts.verification import BenefitTerminated, CaseApproved
from shared.privacy import mask_bank_account, mask_resident_id
from supervision.detectors.deaths import check_after_death, division_of, month_start
from supervision.detectors.tables import DetectorContext
from supervision.domain.alerts import Detector

AVERAGING_MIN_HOUSEHOLDS = 5  # default policy parameter: a village smaller than this is not judged


async def on_account(
    ctx: DetectorContext, case_id: str, account: str, division: str | None = None
) -> None:
    """二次分配: households paid into one account (at approval, or an account changed later).

    One alert per county involved, each listing every household the account has paid; a later
    household, or a household's account changed to it, brings them up to date.
    """
    key = ctx.key_of(account)
    await ctx.run(
        "INSERT INTO det_accounts VALUES (:k, :c, :m, :d) ON CONFLICT DO NOTHING",
        k=key,
        c=case_id,
        m=mask_bank_account(account),
        d=division or await division_of(ctx, case_id),
    )
    holders = await ctx.rows(
        "SELECT case_id, division_code FROM det_accounts WHERE account_key = :k ORDER BY case_id",
        k=key,
    )
    if len(holders) < 2:
        return
    counties = sorted({str(h["division_code"])[:6] for h in holders})
    for county in counties:
        await ctx.raise_or_update(
            Detector.REDISTRIBUTION,
            f"{key}:{county}",
            county,
            [h["case_id"] for h in holders],
            f"{len(holders)}户的保障金发放至同一银行账户",
            {
                "kind": "shared_account",
                "bank_account_masked": mask_bank_account(account),
                "households": len(holders),
                "counties": counties,
            },
        )


async def on_account_changed(ctx: DetectorContext, event: BankAccountChanged) -> None:
    """payments.BankAccountChanged: the household is paid into this account from now on."""
    await on_account(ctx, event.case_id, event.bank_account)


async def on_holder(
    ctx: DetectorContext, approval: CaseApproved, holder_resident_id: str, account: str
) -> None:
    """二次分配: the account the household is paid into is held by someone outside the household.

    Judged from the approval alone (its members are the whole household): no table, no rescan.
    """
    if ctx.key_of(holder_resident_id) in {ctx.key_of(m.resident_id) for m in approval.members}:
        return
    masked = mask_resident_id(holder_resident_id)
    await ctx.raise_alert(
        Detector.REDISTRIBUTION,
        f"holder:{approval.case_id}",
        approval.division_code,
        [approval.case_id],
        f"保障金发放账户的持有人{masked}不是该户家庭成员",
        {
            "kind": "account_holder_outside_household",
            "bank_account_masked": mask_bank_account(account),
            "account_holder_resident_id_masked": masked,
            "household_size": len(approval.members),
        },
    )


async def on_amount(
    ctx: DetectorContext, case_id: str, programme: str, division: str, amount_fen: int
) -> None:
    """平均保: every household of a village gets one amount though incomes or classes differ."""
    if len(division) != 12:
        return
    await ctx.run(
        "INSERT INTO det_amounts VALUES (:c, :p, :v, :a)"
        " ON CONFLICT (case_id, programme) DO UPDATE SET amount_fen = EXCLUDED.amount_fen",
        c=case_id,
        p=programme,
        v=division,
        a=amount_fen,
    )
    await check_village(ctx, division, programme)


async def check_village(ctx: DetectorContext, village: str, programme: str) -> None:
    """Judge one village's households of one programme (bounded by the village's size)."""
    stats = (
        await ctx.rows(
            "SELECT count(*) AS households, count(DISTINCT a.amount_fen) AS amounts,"
            " count(DISTINCT c.income_fen) AS incomes, count(DISTINCT c.rural_class) AS classes,"
            " min(a.amount_fen) AS amount, array_agg(a.case_id ORDER BY a.case_id) AS cases"
            " FROM det_amounts a JOIN det_cases c USING (case_id, programme)"
            " WHERE a.village = :v AND a.programme = :p",
            v=village,
            p=programme,
        )
    )[0]
    differing = stats["classes"] >= 2 or (stats["classes"] == 0 and stats["incomes"] >= 2)
    if stats["households"] >= AVERAGING_MIN_HOUSEHOLDS and stats["amounts"] == 1 and differing:
        await ctx.raise_alert(
            Detector.AVERAGING,
            f"{village}:{programme}",
            village,
            list(stats["cases"]),
            f"该村{stats['households']}户保障金额均为{stats['amount']}分，而收入或类别各不相同",
            {
                "village": village,
                "programme": programme,
                "households": stats["households"],
                "amount_fen": stats["amount"],
                "distinct_incomes": stats["incomes"],
                "distinct_rural_classes": stats["classes"],
            },
        )


async def on_payment(ctx: DetectorContext, event: PaymentSettled) -> None:
    """A settled payment: remember it, then check it against terminations and deaths."""
    await ctx.run(
        "INSERT INTO det_payments (payment_id, case_id, programme, period, amount_fen,"
        " settled_at) VALUES (:i, :c, :p, :m, :a, :s) ON CONFLICT DO NOTHING",
        i=event.payment_id,
        c=event.case_id,
        p=event.programme,
        m=event.period,
        a=event.amount_fen,
        s=event.settled_at,
    )
    await check_after_termination(ctx, event.case_id, event.programme)
    await check_after_death(ctx, event.case_id)


async def on_termination(ctx: DetectorContext, event: BenefitTerminated) -> None:
    """A terminated benefit: payments sent after the decision for later months are irregular."""
    await ctx.run(
        "INSERT INTO det_terminations (case_id, programme, effective_from, recorded_at)"
        " VALUES (:c, :p, :e, :t) ON CONFLICT DO NOTHING",
        c=event.case_id,
        p=event.programme,
        e=event.effective_from,
        t=ctx.event.recorded_at,
    )
    await check_after_termination(ctx, event.case_id, event.programme)


async def check_after_termination(ctx: DetectorContext, case_id: str, programme: str) -> None:
    """Alert on each payment for a month starting on or after the termination date, settled
    after the termination was recorded. A back-dated termination does not make irregular the
    months paid before it was decided: that money went out lawfully at the time (what it
    overpaid is a matter for recovery, not an irregularity)."""
    rows = await ctx.rows(
        "SELECT p.payment_id, p.period, p.amount_fen, p.settled_at, t.effective_from,"
        " t.recorded_at FROM det_payments p JOIN det_terminations t USING (case_id, programme)"
        " WHERE p.case_id = :c AND p.programme = :p AND (p.settled_at IS NULL"
        " OR t.recorded_at IS NULL OR p.settled_at > t.recorded_at)",
        c=case_id,
        p=programme,
    )
    for row in rows:
        if month_start(row["period"]) >= row["effective_from"]:
            await ctx.raise_alert(
                Detector.PAID_AFTER_TERMINATION,
                row["payment_id"],
                await division_of(ctx, case_id),
                [case_id],
                f"保障已于{row['effective_from']}终止，仍发放{row['period']}月{row['amount_fen']}分",
                {
                    "payment_id": row["payment_id"],
                    "period": row["period"],
                    "amount_fen": row["amount_fen"],
                    "programme": programme,
                    "terminated_from": row["effective_from"].isoformat(),
                    "termination_recorded_at": _instant(row["recorded_at"]),
                    "settled_at": _instant(row["settled_at"]),
                },
            )


def _instant(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


UNPAYABLE_ACTIONS = {  # what the county does about each reason payments gives
    "no-bank-account": "请核实并补录发放账户",
    "no-standard": "请尽快制定该项目保障标准，标准设定后自动按规则核定并补发",  # ADR 0041
    "insufficient-funds": "资金不足未能发放，请尽快落实资金，到位后下次发放自动补发",  # PAY-7
    "payment-failed": "银行多次代发失败，请核实并更新发放账户，下次发放自动补发",  # PAY-3
}


async def on_unpayable(ctx: DetectorContext, event: BeneficiaryUnpayable) -> None:
    """An approved beneficiary a run could not pay (no bank account, no standard in force): the
    county must act."""
    action = UNPAYABLE_ACTIONS.get(event.reason, "请核实原因并处理")
    await ctx.raise_alert(
        Detector.UNPAYABLE_BENEFICIARY,
        f"{event.case_id}:{event.programme}:{event.period}",
        event.county_code,
        [event.case_id],
        f"{event.period}月发放批次中该保障对象无法发放（{event.reason}），{action}",
        {
            "case_id": event.case_id,
            "programme": event.programme,
            "period": event.period,
            "run_id": event.run_id,
            "division_code": event.division_code,
            "reason": event.reason,
        },
    )
