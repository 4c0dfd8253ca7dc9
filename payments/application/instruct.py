"""Payables of a run: one PaymentInstructed per active beneficiary, back pay included (PAY-3/4)."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.streams import load_many
from payments.application.context import Repositories
from payments.application.periods import period_end
from payments.domain.beneficiary import BackPayMonth, Beneficiary
from payments.domain.payment import Payment, PaymentInstructed, payment_id_for, payment_key
from payments.domain.prices import PriceLinkage
from payments.domain.run import PaymentRun
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata

_ACTIVE = text(
    "SELECT case_id, programme FROM beneficiaries_view"
    " WHERE county_code = :county AND status = 'active' ORDER BY case_id, programme"
)
_HISTORY = text(
    "SELECT period, monthly_fen, back_pay_fen, status FROM payments_view"
    " WHERE case_id = :case_id AND programme = :programme AND period < :period"
    " AND status IN ('instructed', 'settled') ORDER BY period"
)


async def active_beneficiaries(conn: AsyncConnection, county: str) -> list[tuple[str, str]]:
    """(case, programme) of every active beneficiary of the county."""
    rows = await conn.execute(_ACTIVE, {"county": county})
    return [(r.case_id, r.programme) for r in rows]


async def instruct_chunk(
    repos: Repositories,
    conn: AsyncConnection,
    run: PaymentRun,
    payables: list[tuple[str, str]],
    prices: PriceLinkage | None = None,
) -> int:
    """Instruct a chunk of payables, loading their aggregates in two queries; how many new."""
    assert run.started is not None
    period = run.started.period
    keys = {payment_key(c, p, period): Beneficiary.id_for(c, p) for c, p in payables}
    existing = await load_many(repos.payments, conn, list(keys))
    beneficiaries = await load_many(
        repos.beneficiaries, conn, [b for k, b in keys.items() if k not in existing]
    )
    count = 0
    for beneficiary in beneficiaries.values():
        count += await instruct_one(repos, conn, run, beneficiary, prices)
    return count


async def instruct_one(
    repos: Repositories,
    conn: AsyncConnection,
    run: PaymentRun,
    beneficiary: Beneficiary,
    prices: PriceLinkage | None = None,
) -> bool:
    """Instruct the beneficiary's payment for the run's period; False if it exists or is nil."""
    assert run.started is not None
    period = run.started.period
    enrolled = beneficiary.enrolled
    if enrolled is None:
        return False
    case_id, programme = enrolled.case_id, enrolled.programme
    key = payment_key(case_id, programme, period)
    monthly = beneficiary.amount_on(period_end(period))
    if enrolled is None or beneficiary.status != "active" or not enrolled.bank_account:
        return False
    months = await _back_pay_months(conn, beneficiary, period)
    back_pay = sum(m.difference_fen for m in months)
    per_person = prices.subsidy_for(period, programme) if prices and monthly > 0 else 0
    subsidy = per_person * enrolled.household_size
    if monthly + back_pay <= 0:
        return False
    metadata = _metadata(run, case_id)
    if months:
        beneficiary.back_pay(period, months)
        await repos.beneficiaries.save(beneficiary, metadata, conn)
    payment = Payment(key)
    payment_id = payment_id_for(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id, run_id=run.id, case_id=case_id, programme=programme,
            period=period, division_code=enrolled.division_code,
            amount_fen=monthly + back_pay + subsidy, monthly_fen=monthly,
            back_pay_fen=back_pay, attempt=1, instruction_id=f"{payment_id}-1",
            payee_name=enrolled.payee_name, bank_account=enrolled.bank_account,
            price_subsidy_fen=subsidy,
        )
    )  # fmt: skip
    try:
        await repos.payments.save(payment, metadata, conn, expected_version=0)
    except ConcurrencyConflict:
        return False  # another executor instructed it first: the key holds
    return True


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
    months = []
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
    return tuple(months)


def _metadata(run: PaymentRun, case_id: str) -> EventMetadata:
    return EventMetadata(
        actor=Actor.system("payments"),
        channel="payment-run",
        reason=f"发放批次{run.id}生成应付 (payable of run {run.id})",
        correlation_id=run.id,
        case_id=case_id,
    )
