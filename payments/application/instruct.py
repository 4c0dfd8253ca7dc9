"""Payables of a run: one PaymentInstructed per active beneficiary, back pay included (PAY-3/4,
ADR 0041, ADR 0061)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.streams import load_many
from payments.application.context import Repositories
from payments.application.partitions import IN_PARTITION, WHOLE, Partition
from payments.application.periods import next_period_start, period_end, period_start
from payments.application.run_funds import INSUFFICIENT_FUNDS, RunBudget, budget_of, commit_budget
from payments.domain.age_limit import ChildAllowanceAgeLimitReached
from payments.domain.beneficiary import (
    ALREADY_PAID,
    BackPayCalculated,
    BackPayMonth,
    Beneficiary,
)
from payments.domain.payment import (
    MAX_ATTEMPTS,
    Payment,
    PaymentInstructed,
    payment_id_for,
    payment_key,
)
from payments.domain.prices import PriceLinkage
from payments.domain.programmes import Kind, kind_of
from payments.domain.run import PaymentRun, earliest_period
from payments.projections.beneficiaries import PAYABLE_IN_PERIOD
from shared.clock import today
from shared.eventstore.envelope import Actor, EventMetadata

# payable in a period: not stopped (suspended or terminated) on or before its first day
_ACTIVE = text(
    "SELECT case_id, programme FROM beneficiaries_view"
    " WHERE county_code = :county"
    f" AND {PAYABLE_IN_PERIOD}"
    " AND (case_id, programme) > (:case, :programme)"
    f" AND {IN_PARTITION}"
    " ORDER BY case_id, programme LIMIT :limit"
)
NO_BANK_ACCOUNT = "no-bank-account"
NO_STANDARD = "no-standard"  # enrolled by rule, no standard in force yet (ADR 0041)
ONE_OFF_PAID = "一次性救助已发放，待遇结束 (one-off assistance paid: the benefit ends)"
# a failed payment still retryable holds its month and the back pay it carries: its retry pays
# them, so a later run counts that back pay as paid (what a retry sends is never paid twice)
_HISTORY = text(
    "SELECT period, monthly_fen, back_pay_fen, status FROM payments_view"
    " WHERE case_id = :case_id AND programme = :programme AND period < :period"
    " AND (status IN ('instructed', 'settled')"
    f" OR (status = 'failed' AND attempt < {MAX_ATTEMPTS})) ORDER BY period"
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
    locked: bool = False,
) -> list[Payment]:
    """Instruct a chunk of payables: their aggregates loaded in two queries (and what a run may
    have missed in up to three more, ADR 0061), the payments and what is recorded on the
    beneficiaries (back pay, unpayable periods) appended in one statement each; the new
    payments. The run's money is taken last: RoomTaken when another chunk took it meanwhile,
    then run the chunk again `locked` (ADR 0067)."""
    assert run.started is not None
    period = run.started.period
    keys = {payment_key(c, p, period): Beneficiary.id_for(c, p) for c, p in payables}
    existing = await load_many(repos.payments, conn, list(keys))
    beneficiaries = await load_many(
        repos.beneficiaries, conn, [b for k, b in keys.items() if k not in existing]
    )
    missed = await missed_periods(repos, conn, run, beneficiaries.values())
    budget = await budget_of(conn, run.id, locked)
    payments: list[tuple[Payment, EventMetadata]] = []
    for beneficiary in beneficiaries.values():
        payment = await plan_payment(
            conn, run, beneficiary, prices, missed.get(beneficiary.id), budget
        )
        if payment is not None:
            payments.append((payment, _metadata(run, beneficiary.case_id)))
    changed = [b for b in beneficiaries.values() if b.pending]
    await repos.beneficiaries.save_many(
        [(b, _metadata(run, b.case_id, b.pending)) for b in changed], conn
    )
    await repos.payments.save_many(payments, conn)
    await commit_budget(conn, run.id, budget)
    return [payment for payment, _ in payments]


async def plan_payment(
    conn: AsyncConnection,
    run: PaymentRun,
    beneficiary: Beneficiary,
    prices: PriceLinkage | None = None,
    missed: tuple[str, ...] | None = None,
    budget: RunBudget | None = None,
) -> Payment | None:
    """The beneficiary's new payment for the run's period, or None when nothing is due or it
    cannot be paid; `missed`: past periods whose run closed before the enrolment. Events
    recorded on the beneficiary (back pay, unpayable, a one-off's end, a child's allowance past
    the age limit) are not yet saved. A payment past the run's `budget` is not made: the month is
    recorded unpayable for want of funds (PAY-7)."""
    assert run.started is not None
    period = run.started.period
    if not _due_in(run.id, period, beneficiary):
        return None
    enrolled = beneficiary.enrolled
    assert enrolled is not None
    one_off = kind_of(enrolled.programme) is Kind.ONE_OFF
    if beneficiary.awaits_standard_on(period_end(period)):
        beneficiary.unpayable(run.id, period, NO_STANDARD)
        return None
    monthly = beneficiary.amount_on(period_end(period))
    months = () if one_off else await _back_pay_months(conn, beneficiary, period, missed or ())
    per_person = prices.subsidy_for(period, enrolled.programme) if prices and monthly > 0 else 0
    subsidy = 0 if one_off else per_person * beneficiary.household_size
    if monthly + sum(m.difference_fen for m in months) <= 0:
        return None
    if not beneficiary.bank_account:
        beneficiary.unpayable(run.id, period, NO_BANK_ACCOUNT)
        return None
    fitted = _within_budget(budget, beneficiary, run.id, period, monthly + subsidy, months)
    if fitted is None:
        return None
    if fitted:
        beneficiary.back_pay(period, fitted)
    payment = _instructed(run.id, period, beneficiary, monthly, fitted, subsidy)
    if one_off:  # PAY-8: paid once, then the benefit ends
        beneficiary.terminate(next_period_start(period), ONE_OFF_PAID)
    return payment


def _due_in(run_id: str, period: str, beneficiary: Beneficiary) -> bool:
    """True when the benefit is paid for `period`: enrolled, not stopped, not past the age limit
    (then ended by the run), and a one-off not paid yet nor approved after the period."""
    enrolled = beneficiary.enrolled
    if enrolled is None or not beneficiary.payable_in(period_start(period)):
        return False
    if beneficiary.past_age_limit(period):  # PAY-9: paid through the month of the age limit
        last = enrolled.coming_of_age_period
        assert last is not None
        beneficiary.reach_age_limit(run_id, period, next_period_start(last))
        return False
    if kind_of(enrolled.programme) is Kind.ONE_OFF:
        return beneficiary.status == "active" and enrolled.effective_from <= period_end(period)
    return True


def _instructed(
    run_id: str,
    period: str,
    beneficiary: Beneficiary,
    monthly: int,
    months: tuple[BackPayMonth, ...],
    subsidy: int,
) -> Payment:
    """The period's payment, instructed for its first attempt into the beneficiary's account."""
    enrolled = beneficiary.enrolled
    assert enrolled is not None and beneficiary.bank_account
    key = payment_key(enrolled.case_id, enrolled.programme, period)
    payment_id = payment_id_for(key)
    back_pay = sum(m.difference_fen for m in months)
    payment = Payment(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id,
            run_id=run_id,
            case_id=enrolled.case_id,
            programme=enrolled.programme,
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
    return payment


def _within_budget(
    budget: RunBudget | None,
    beneficiary: Beneficiary,
    run_id: str,
    period: str,
    this_month: int,
    months: tuple[BackPayMonth, ...],
) -> tuple[BackPayMonth, ...] | None:
    """The back pay the run's money lets this payment carry (ADR 0067): all of it; else none,
    this month paid alone and the months owed in full recorded unpayable, so that a later run
    pays them; else no payment (None), this month recorded unpayable."""
    programme = beneficiary.programme
    if budget is None or budget.take(programme, this_month + sum(m.difference_fen for m in months)):
        return months
    if this_month > 0 and budget.take(programme, this_month):
        for owed in (m for m in months if m.owed_in_full):
            beneficiary.unpayable(run_id, owed.period, INSUFFICIENT_FUNDS)
        return ()
    beneficiary.unpayable(run_id, period, INSUFFICIENT_FUNDS)  # paid back once money is in
    return None


async def missed_periods(
    repos: Repositories, conn: AsyncConnection, run: PaymentRun, chunk: Iterable[Beneficiary]
) -> dict[str, tuple[str, ...]]:
    """Each beneficiary's past periods a run missed (ADR 0061): the county's run for the period
    had closed before the enrolment, so nothing was paid though the benefit was due. Only those
    not paid for the last period are looked at (the run that paid them looked already), and
    never a one-off's, which is paid once and owes no month."""
    assert run.started is not None
    monthly = [b for b in chunk if b.enrolled and kind_of(b.enrolled.programme) is not Kind.ONE_OFF]
    windows = {b: b.arrears_window(run.started.period) for b in monthly}
    windows = {b: w for b, w in windows.items() if w}
    last_paid = await _paid(repos, conn, {b: w[-1:] for b, w in windows.items()})
    never_run = await _never_run(repos, conn, run.started.county_code, windows.values())
    looked_at = {
        b: [p for p in w if p not in b.periods_owed_in_full()]
        for b, w in windows.items()
        if not last_paid[b] or never_run.intersection(w) - b.periods_owed_in_full()
    }
    paid = await _paid(repos, conn, looked_at)
    closed = await _closed_runs(repos, conn, run.started.county_code, looked_at.values())
    closed |= never_run
    return {
        b.id: tuple(p for p in periods if p in closed and p not in paid[b])
        for b, periods in looked_at.items()
    }


async def _paid(
    repos: Repositories, conn: AsyncConnection, periods: dict[Beneficiary, list[str]]
) -> dict[Beneficiary, set[str]]:
    """Of each beneficiary's periods, those a payment exists for, read from the store."""
    streams = {
        Payment.stream_id_for(payment_key(b.case_id, b.programme, p)): (b, p)
        for b, wanted in periods.items()
        for p in wanted
    }
    existing = await repos.payments.store.existing_streams(list(streams), conn)
    paid: dict[Beneficiary, set[str]] = {b: set() for b in periods}
    for stream_id in existing:
        beneficiary, period = streams[stream_id]
        paid[beneficiary].add(period)
    return paid


async def _closed_runs(
    repos: Repositories, conn: AsyncConnection, county: str, periods: Iterable[list[str]]
) -> set[str]:
    """The periods whose run in the county has instructed every payable it will."""
    wanted = {PaymentRun.id_for(county, p): p for ps in periods for p in ps}
    runs = await load_many(repos.runs, conn, list(wanted))
    return {wanted[run_id] for run_id, run in runs.items() if run.instructed_all}


async def _never_run(
    repos: Repositories, conn: AsyncConnection, county: str, periods: Iterable[list[str]]
) -> set[str]:
    """The periods no run was started for and none may be any more (before last month, ADR
    0060): closed as if run, so what they owe is paid back (ADR 0061)."""
    earliest = earliest_period(today(repos.runs.store.clock))
    wanted = {
        PaymentRun.stream_id_for(PaymentRun.id_for(county, p)): p
        for ps in periods
        for p in ps
        if p < earliest
    }
    started = await repos.runs.store.existing_streams(list(wanted), conn)
    return {p for stream_id, p in wanted.items() if stream_id not in started}


async def _back_pay_months(
    conn: AsyncConnection, beneficiary: Beneficiary, period: str, missed: tuple[str, ...]
) -> tuple[BackPayMonth, ...]:
    owed = _owed_in_full(beneficiary, period, missed)
    if not owed and len(beneficiary.entitlements) < 2:
        return ()  # nothing unpaid, one entitlement ever: every past payment paid it in full
    rows = list(
        await conn.execute(
            _HISTORY,
            {"case_id": beneficiary.case_id, "programme": beneficiary.programme, "period": period},
        )
    )
    already = sum(r.back_pay_fen for r in rows)
    months = owed
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
        months.append(BackPayMonth(ALREADY_PAID, 0, already, -already))
    return tuple(sorted(months, key=lambda m: m.period))


def _owed_in_full(
    beneficiary: Beneficiary, period: str, missed: tuple[str, ...]
) -> list[BackPayMonth]:
    """Past periods nothing was paid for, owed in full where an entitlement now governs them:
    those a run could not pay (no standard then, ADR 0041; no account), those a run missed
    (ADR 0061), and those paid back so before (what earlier back pay covered is subtracted); never
    a month inside a stop the county lifted later (ADR 0066)."""
    months = []
    for owed in sorted(beneficiary.periods_owed_in_full() | set(missed)):
        entitled = beneficiary.amount_on(period_end(owed))
        if owed < period and entitled > 0 and beneficiary.payable_in(period_start(owed)):
            months.append(BackPayMonth(owed, entitled, 0, entitled))
    return months


def _metadata(run: PaymentRun, case_id: str, recorded: Sequence[object] = ()) -> EventMetadata:
    return EventMetadata(
        actor=Actor.system("payments"),
        channel="payment-run",
        reason=_reason(run, recorded),
        correlation_id=run.id,
        case_id=case_id,
    )


def _reason(run: PaymentRun, recorded: Sequence[object]) -> str:
    """Why the run records: a child's allowance ended at the age limit, a payable, or back pay
    naming the months it is for."""
    ended = [e for e in recorded if isinstance(e, ChildAllowanceAgeLimitReached)]
    if ended:
        return f"发放批次{run.id}：{ended[0].reason}"
    back_pay = [e for e in recorded if isinstance(e, BackPayCalculated)]
    if not back_pay:
        return f"发放批次{run.id}生成应付 (payable of run {run.id})"
    months = "、".join(m.period for m in back_pay[0].months if m.period != ALREADY_PAID)
    return f"发放批次{run.id}补发{months} (back pay for {months} in run {run.id})"
