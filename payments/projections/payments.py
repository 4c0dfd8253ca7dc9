"""payments_view and runs_view ← payment and run events: what each run paid, failed, owes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection

# each statement applies a run of consecutive events of one type at once: one array per column
_INSTRUCTED = text(
    """
    INSERT INTO payments_view (payment_key, payment_id, run_id, case_id, programme, period,
        division_code, amount_fen, monthly_fen, back_pay_fen, attempt, instruction_id,
        payee_name, bank_account, status, price_subsidy_fen, priority)
    SELECT key, payment_id, run_id, case_id, programme, period, division, amount, monthly,
        back_pay, attempt, instruction_id, payee, account, 'instructed', subsidy, priority
    FROM unnest(CAST(:key AS text[]), CAST(:payment_id AS text[]), CAST(:run_id AS text[]),
        CAST(:case_id AS text[]), CAST(:programme AS text[]), CAST(:period AS text[]),
        CAST(:division AS text[]), CAST(:amount AS bigint[]), CAST(:monthly AS bigint[]),
        CAST(:back_pay AS bigint[]), CAST(:attempt AS integer[]),
        CAST(:instruction_id AS text[]), CAST(:payee AS text[]), CAST(:account AS text[]),
        CAST(:subsidy AS bigint[]), CAST(:priority AS integer[]))
        AS u(key, payment_id, run_id, case_id, programme, period, division, amount, monthly,
            back_pay, attempt, instruction_id, payee, account, subsidy, priority)
    ON CONFLICT (case_id, programme, period) DO UPDATE SET attempt = EXCLUDED.attempt,
        instruction_id = EXCLUDED.instruction_id, status = 'instructed', outcome = NULL,
        bank_reason = NULL
    WHERE payments_view.attempt < EXCLUDED.attempt
    """
)
_SETTLED = text(
    "UPDATE payments_view AS v SET status = 'settled', settled_at = u.at"
    " FROM unnest(CAST(:case_id AS text[]), CAST(:programme AS text[]),"
    " CAST(:period AS text[]), CAST(:at AS timestamptz[])) AS u(case_id, programme, period, at)"
    " WHERE (v.case_id, v.programme, v.period) = (u.case_id, u.programme, u.period)"
    " AND v.status <> 'settled'"
)
_FAILED = text(
    "UPDATE payments_view AS v SET status = 'failed', outcome = u.outcome,"
    " bank_reason = u.reason"
    " FROM unnest(CAST(:case_id AS text[]), CAST(:programme AS text[]),"
    " CAST(:period AS text[]), CAST(:outcome AS text[]), CAST(:attempt AS integer[]),"
    " CAST(:reason AS text[])) AS u(case_id, programme, period, outcome, attempt, reason)"
    " WHERE (v.case_id, v.programme, v.period) = (u.case_id, u.programme, u.period)"
    " AND v.attempt = u.attempt AND v.status = 'instructed'"
)
_RUN_STARTED = text(
    """
    INSERT INTO runs_view (run_id, county_code, period, status, version, started_by, started_at,
        channel)
    VALUES (:run_id, :county, :period, 'executing', :version, :by, :at, :channel)
    ON CONFLICT (run_id) DO NOTHING
    """
)
_RUN_RETRIED = text(
    "UPDATE runs_view SET status = 'executing', version = :version, completed_at = NULL"
    " WHERE run_id = :run_id AND version < :version"
)
_RUN_VERSION = text(  # a return file imported: the run's ETag moves on
    "UPDATE runs_view SET version = :version WHERE run_id = :run_id AND version < :version"
)
_RUN_COMPLETED = text(
    """
    UPDATE runs_view SET status = 'completed', version = :version, completed_at = :at,
        instructed = :instructed, settled = :settled, settled_fen = :settled_fen,
        failed = :failed
    WHERE run_id = :run_id AND version < :version
    """
)

_UNPAYABLE = text(
    "INSERT INTO run_unpayable (run_id, case_id, programme, division_code, reason)"
    " VALUES (:run_id, :case_id, :programme, :division, :reason) ON CONFLICT DO NOTHING"
)


def _business_key(data: dict[str, Any]) -> dict[str, str]:
    return {"case_id": data["case_id"], "programme": data["programme"], "period": data["period"]}


def _key(data: dict[str, Any]) -> str:
    return f"{data['case_id']}:{data['programme']}:{data['period']}"


async def _flush(
    conn: AsyncConnection, statement: TextClause | None, rows: list[dict[str, Any]]
) -> None:
    """One statement for the rows, as columns; a payment instructed twice in the run keeps its
    latest attempt (the upsert may touch a row once per statement)."""
    if statement is None or not rows:
        return
    if statement is _INSTRUCTED:
        latest = {row["key"]: row for row in sorted(rows, key=lambda row: row["attempt"])}
        rows = list(latest.values())
    await conn.execute(statement, {name: [row[name] for row in rows] for name in rows[0]})


def _instructed(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "key": _key(data),
        "payment_id": data["payment_id"],
        "run_id": data["run_id"],
        "case_id": data["case_id"],
        "programme": data["programme"],
        "period": data["period"],
        "division": data["division_code"],
        "amount": data["amount_fen"],
        "monthly": data["monthly_fen"],
        "back_pay": data["back_pay_fen"],
        "attempt": data["attempt"],
        "instruction_id": data["instruction_id"],
        "payee": data["payee_name"],
        "account": data["bank_account"],
        "subsidy": data.get("price_subsidy_fen", 0),
        "priority": data.get("priority", 9),
    }


def _settled(data: dict[str, Any]) -> dict[str, Any]:
    return {**_business_key(data), "at": datetime.fromisoformat(data["settled_at"])}


def _failed(data: dict[str, Any]) -> dict[str, Any]:
    return {
        **_business_key(data), "outcome": data["outcome"], "attempt": data["attempt"],
        "reason": data["bank_reason"],
    }  # fmt: skip


# payment events: the set-based statement and the row each adds to it
_PAYMENT_STEPS: dict[str, tuple[TextClause, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "payments.PaymentInstructed": (_INSTRUCTED, _instructed),
    "payments.PaymentSettled": (_SETTLED, _settled),
    "payments.PaymentFailed": (_FAILED, _failed),
}


def _step(event: RecordedEvent) -> tuple[TextClause, dict[str, Any]] | None:
    if event.type not in _PAYMENT_STEPS:
        return None
    statement, row = _PAYMENT_STEPS[event.type]
    return statement, row(event.data)


def _run_common(event: RecordedEvent) -> dict[str, Any]:
    return {"run_id": event.data.get("run_id"), "version": event.stream_version}


async def _run_started(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        _RUN_STARTED,
        {**_run_common(event), "county": data["county_code"], "period": data["period"],
         "by": event.metadata.actor.id, "at": event.recorded_at,
         "channel": data.get("channel", "api")},
    )  # fmt: skip


async def _run_retried(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_RUN_RETRIED, _run_common(event))


async def _return_imported(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_RUN_VERSION, _run_common(event))


async def _unpayable(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        _UNPAYABLE,
        {"run_id": data["run_id"], "case_id": data["case_id"], "programme": data["programme"],
         "division": data["division_code"], "reason": data["reason"]},
    )  # fmt: skip


async def _run_completed(event: RecordedEvent, conn: AsyncConnection) -> None:
    totals = {k: event.data[k] for k in ("instructed", "settled", "settled_fen", "failed")}
    await conn.execute(_RUN_COMPLETED, {**_run_common(event), **totals, "at": event.recorded_at})


# run events, applied one at a time between the payment statements
_RUN_HANDLERS: dict[str, Callable[[RecordedEvent, AsyncConnection], Awaitable[None]]] = {
    "payments.PaymentRunStarted": _run_started,
    "payments.FailedPaymentsRetried": _run_retried,
    "payments.BankReturnImported": _return_imported,
    "payments.BeneficiaryUnpayable": _unpayable,
    "payments.PaymentRunCompleted": _run_completed,
}


class PaymentsView(Projection):
    """One row per payment (its latest attempt) and one per run."""

    name = "payments.payments_view"
    tables = ("payments_view", "runs_view", "run_unpayable")
    handles = frozenset(_PAYMENT_STEPS) | frozenset(_RUN_HANDLERS)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Apply payment and run events."""
        await self.handle_batch([event], conn)

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Consecutive payment events of one type in one set-based statement, in log order."""
        statement: TextClause | None = None
        pending: list[dict[str, Any]] = []
        for event in batch:
            step = _step(event)
            if step is None and event.type in _RUN_HANDLERS:
                await _flush(conn, statement, pending)
                statement, pending = None, []
                await _RUN_HANDLERS[event.type](event, conn)
            elif step is not None:
                if step[0] is not statement:
                    await _flush(conn, statement, pending)
                    statement, pending = step[0], []
                pending.append(step[1])
        await _flush(conn, statement, pending)
