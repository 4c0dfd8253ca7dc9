"""Starting a run and retrying its failures: commands on the run aggregate (PAY-3)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.funds import funds_position
from payments.application.run_funds import cap_run
from payments.domain.beneficiary import Beneficiary
from payments.domain.funds import InsufficientFunds
from payments.domain.payment import Payment
from payments.domain.run import PaymentRun, ensure_due
from shared.eventstore.envelope import EventMetadata, RecordedEvent

_FAILED = text(
    "SELECT payment_key FROM payments_view WHERE run_id = :run AND status = 'failed'"
    " ORDER BY payment_key"
)


@dataclass(frozen=True)
class StartRun:
    """Start a county's monthly run for a period."""

    county_code: str
    period: str
    today: date  # China's civil date: the latest period a run may pay follows from it
    metadata: EventMetadata
    override_reason: str | None = None
    channel: str = "api"  # `file`: the bank file and its return file are the channel (ADR 0038)
    hold_short_programmes: bool = False  # pay the funded programmes, none of the short ones


@dataclass(frozen=True)
class RetryFailed:
    """Send the run's failed payments to the bank again, each as a new attempt."""

    run_id: str
    expected_version: int
    metadata: EventMetadata


async def start_run(cmd: StartRun, repos: Repositories, conn: AsyncConnection) -> PaymentRun:
    """Record PaymentRunStarted once per county and period, for a period that is due."""
    ensure_due(cmd.period, cmd.today)
    run_id = PaymentRun.id_for(cmd.county_code, cmd.period)
    run = await repos.runs.find(run_id, conn) or PaymentRun(run_id)
    position = await funds_position(conn, cmd.county_code, cmd.period)
    needed = sum(p.needed_fen for p in position)
    available = sum(max(0, p.available_fen) for p in position)
    shortfall = sum(p.shortfall_fen for p in position)
    short = tuple(p.programme for p in position if p.shortfall_fen > 0)
    run.start(
        cmd.county_code,
        cmd.period,
        needed,
        available,
        shortfall,
        cmd.override_reason,
        cmd.channel,
        short,
        cmd.hold_short_programmes,
    )
    await repos.runs.save(run, replace(cmd.metadata, correlation_id=run_id), conn, 0)
    assert run.started is not None
    if run.started.funds_override_reason is None:  # an override goes past the money
        held = set(run.started.held_programmes)
        room = {p.programme: 0 if p.programme in held else p.available_fen for p in position}
        await cap_run(conn, run_id, room)
    return run


async def retry_failed(
    cmd: RetryFailed, repos: Repositories, conn: AsyncConnection
) -> list[RecordedEvent]:
    """A new attempt for every failed payment of the run that may still be retried."""
    run = await repos.runs.get(cmd.run_id, conn)
    keys = [r.payment_key for r in await conn.execute(_FAILED, {"run": cmd.run_id})]
    payments = [p for p in [await repos.payments.get(k, conn) for k in keys] if p.retryable]
    assert run.started is not None
    await ensure_funds_for(conn, run.started.county_code, payments)
    retried = 0
    for payment in payments:
        payment.retry(await _account_now(repos, conn, payment))
        assert payment.instructed is not None
        metadata = replace(cmd.metadata, case_id=payment.instructed.case_id)
        await repos.payments.save(payment, metadata, conn)
        retried += 1
    run.retried(retried)
    return await repos.runs.save(run, cmd.metadata, conn, cmd.expected_version)


async def _account_now(repos: Repositories, conn: AsyncConnection, payment: Payment) -> str | None:
    """The account the beneficiary is paid into now (a county may have replaced a closed one)."""
    instructed = payment.instructed
    assert instructed is not None
    beneficiary_id = Beneficiary.id_for(instructed.case_id, instructed.programme)
    beneficiary = await repos.beneficiaries.find(beneficiary_id, conn)
    return beneficiary.bank_account if beneficiary else None


async def ensure_funds_for(conn: AsyncConnection, county: str, payments: list[Payment]) -> None:
    """A failed payment's money went back to the available funds, which a later run may have
    spent: a retry is paid out of what is available now, or refused (PAY-7)."""
    wanted: Counter[str] = Counter()
    for payment in payments:
        instructed = payment.instructed
        assert instructed is not None  # retryable: instructed before
        wanted[instructed.programme] += instructed.amount_fen
    available = {p.programme: p.available_fen for p in await funds_position(conn, county, None)}
    short = {p: w - max(0, available.get(p, 0)) for p, w in wanted.items()}
    short = {p: s for p, s in sorted(short.items()) if s > 0}
    if short:
        needed, have = sum(wanted.values()), sum(max(0, available.get(p, 0)) for p in wanted)
        raise InsufficientFunds.short(
            ("the retry", "重新发放"), needed, have, sum(short.values()), list(short)
        )
