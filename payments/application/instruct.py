"""Payables of a run: one PaymentInstructed per active beneficiary, back pay included (PAY-3/4)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.streams import load_many
from payments.application.context import Repositories
from payments.application.partitions import IN_PARTITION, WHOLE, Partition
from payments.application.periods import next_period_start, period_end, period_start
from payments.domain.beneficiary import BackPayMonth, Beneficiary
from payments.domain.payment import Payment, PaymentInstructed, payment_id_for, payment_key
from payments.domain.prices import PriceLinkage
from payments.domain.programmes import Kind, kind_of
from payments.domain.run import PaymentRun
from shared.eventstore.envelope import Actor, EventMetadata

# payable in a period: not stopped (suspended or terminated) on or before its first day
_ACTIVE = text(
    "SELECT case_id, programme FROM beneficiaries_view"
    " WHERE county_code = :county"
    " AND (stopped_from IS NULL OR stopped_from > CAST(:period_start AS date))"
    " AND (case_id, programme) > (:case, :programme)"
    f" AND {IN_PARTITION}"
    " ORDER BY case_id, programme LIMIT :limit"
)
NO_BANK_ACCOUNT = "no-bank-account"
NO_STANDARD = "no-standard"  # enrolled by rule, no standard in force yet (ADR 0041)
ONE_OFF_PAID = "一次性救助已发放，待遇结束 (one-off assistance paid: the benefit ends)"
_HISTORY = text(
    "SELECT period, monthly_fen, back_pay_fen, status FROM payments_view"
    " WHERE case_id = :case_id AND programme = :programme AND period < :period"
    " AND status IN ('instructed', 'settled') ORDER BY period"
)


async def active_beneficiaries(
    conn: AsyncConnection,
    county: str,
    after: tuple[str, str] = ("", ""),
    limit: int = 1000,
    partition: Partition = WHOLE,
    period: str | None = None,
) -> list[tuple[str, str]]:
    """(case, programme) of the county's beneficiaries payable in `period` (never stopped, when
    no period is given) after `after`, in key order."""
    params = {
        "county": county,
        "case": after[0],
        "programme": after[1],
        "limit": limit,
        "period_start": period_start(period) if period else None,
    }
    rows = await conn.execute(_ACTIVE, params | partition.params())
    return [(r.case_id, r.programme) for r in rows]


async def instruct_chunk(
    repos: Repositories,
    conn: AsyncConnection,
    run: PaymentRun,
    payables: list[tuple[str, str]],
    prices: PriceLinkage | None = None,
) -> list[Payment]:
    """Instruct a chunk of payables: their aggregates loaded in two queries, the payments (and
    any back pay recorded on beneficiaries) appended in one statement each; the new payments."""
    assert run.started is not None
    period = run.started.period
    keys = {payment_key(c, p, period): Beneficiary.id_for(c, p) for c, p in payables}
    existing = await load_many(repos.payments, conn, list(keys))
    beneficiaries = await load_many(
        repos.beneficiaries, conn, [b for k, b in keys.items() if k not in existing]
    )
    payments: list[tuple[Payment, EventMetadata]] = []
    for beneficiary in beneficiaries.values():
        payment = await plan_payment(conn, run, beneficiary, prices)
        if payment is not None:
            payments.append((payment, _metadata(run, beneficiary.case_id)))
    back_paid = [(b, _metadata(run, b.case_id)) for b in beneficiaries.values() if b.pending]
    await repos.beneficiaries.save_many(back_paid, conn)
    await repos.payments.save_many(payments, conn)
    return [payment for payment, _ in payments]


async def plan_payment(
    conn: AsyncConnection,
    run: PaymentRun,
    beneficiary: Beneficiary,
    prices: PriceLinkage | None = None,
) -> Payment | None:
    """The beneficiary's new payment for the run's period, or None when nothing is due or it
    cannot be paid. Events recorded on the beneficiary (back pay, unpayable, a one-off's end,
    a child's allowance past the age limit) are not yet saved."""
    assert run.started is not None
    period = run.started.period
    enrolled = beneficiary.enrolled
    if enrolled is None or not beneficiary.payable_in(period_start(period)):
        return None
    if beneficiary.past_age_limit(period):  # PAY-9: paid through the month of the age limit
        last = enrolled.coming_of_age_period
        assert last is not None
        beneficiary.reach_age_limit(run.id, period, next_period_start(last))
        return None
    one_off = kind_of(enrolled.programme) is Kind.ONE_OFF
    if one_off and (beneficiary.status != "active" or enrolled.effective_from > period_end(period)):
        return None  # paid once already, or approved after this period
    case_id, programme = enrolled.case_id, enrolled.programme
    key = payment_key(case_id, programme, period)
    if beneficiary.awaits_standard_on(period_end(period)):
        beneficiary.unpayable(run.id, period, NO_STANDARD)
        return None
    monthly = beneficiary.amount_on(period_end(period))
    months = () if one_off else await _back_pay_months(conn, beneficiary, period)
    back_pay = sum(m.difference_fen for m in months)
    per_person = prices.subsidy_for(period, programme) if prices and monthly > 0 else 0
    subsidy = 0 if one_off else per_person * enrolled.household_size
    if monthly + back_pay <= 0:
        return None
    if not beneficiary.bank_account:
        beneficiary.unpayable(run.id, period, NO_BANK_ACCOUNT)
        return None
    if months:
        beneficiary.back_pay(period, months)
    payment = Payment(key)
    payment_id = payment_id_for(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id,
            run_id=run.id,
            case_id=case_id,
            programme=programme,
            period=period,
            division_code=enrolled.division_code,
            amount_fen=monthly + back_pay + subsidy,
            monthly_fen=monthly,
            back_pay_fen=back_pay,
            attempt=1,
            instruction_id=f"{payment_id}-1",
            payee_name=enrolled.payee_name,
            bank_account=beneficiary.bank_account,
            price_subsidy_fen=subsidy,
        )
    )
    if one_off:  # PAY-8: paid once, then the benefit ends
        beneficiary.terminate(next_period_start(period), ONE_OFF_PAID)
    return payment


async def _back_pay_months(
    conn: AsyncConnection, beneficiary: Beneficiary, period: str
) -> tuple[BackPayMonth, ...]:
    if len(beneficiary.entitlements) < 2:
        return ()  # one entitlement ever: every past payment already paid it in full
    rows = list(
        await conn.execute(
            _HISTORY,
            {"case_id": beneficiary.case_id, "programme": beneficiary.programme, "period": period},
        )
    )
    already = sum(r.back_pay_fen for r in rows)
    months = list(_awaited_months(beneficiary, period))
    for row in rows:
        if row.status != "settled":
            continue
        entitled = beneficiary.amount_on(period_end(row.period))
        if entitled != row.monthly_fen:
            months.append(
                BackPayMonth(row.period, entitled, row.monthly_fen, entitled - row.monthly_fen)
            )
    if sum(m.difference_fen for m in months) - already <= 0:
        return ()
    if already:
        months.append(BackPayMonth("already-paid", 0, already, -already))
    return tuple(sorted(months, key=lambda m: m.period))


def _awaited_months(beneficiary: Beneficiary, period: str) -> list[BackPayMonth]:
    """Past periods a run could not pay for want of a standard, now governed by one that took
    effect for them (ADR 0041): owed in full, nothing having been paid."""
    months = []
    for awaited in beneficiary.periods_unpaid_for(NO_STANDARD):
        entitled = beneficiary.amount_on(period_end(awaited))
        if awaited < period and entitled > 0:
            months.append(BackPayMonth(awaited, entitled, 0, entitled))
    return months


def _metadata(run: PaymentRun, case_id: str) -> EventMetadata:
    return EventMetadata(
        actor=Actor.system("payments"),
        channel="payment-run",
        reason=f"发放批次{run.id}生成应付 (payable of run {run.id})",
        correlation_id=run.id,
        case_id=case_id,
    )
