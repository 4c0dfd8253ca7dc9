"""payments_view and runs_view ← payment and run events: what each run paid, failed, owes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.projections.runner import Projection, ProjectionHandler

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
        bank_reason = NULL, bank_account = EXCLUDED.bank_account
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


@dataclass(frozen=True)
class _SetBased:
    """The handler of one payment event type: one statement over columns of rows, the row an
    event adds. Alone it applies one event; `PaymentsView.handle_batch` gives it each run of
    consecutive events of its type at once."""

    statement: TextClause
    row: Callable[[dict[str, Any]], dict[str, Any]]
    latest_attempt_only: bool = False
    """An upsert may touch a row once per statement: a payment instructed twice in the run keeps
    its latest attempt."""

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        await self.apply([event], conn)

    async def apply(self, events: Sequence[RecordedEvent], conn: AsyncConnection) -> None:
        """One statement for the events' rows, as one array per column."""
        rows = [self.row(event.data) for event in events]
        if self.latest_attempt_only:
            latest = {row["key"]: row for row in sorted(rows, key=lambda row: row["attempt"])}
            rows = list(latest.values())
        await conn.execute(self.statement, {name: [row[name] for row in rows] for name in rows[0]})


def _business_key(data: dict[str, Any]) -> dict[str, str]:
    return {"case_id": data["case_id"], "programme": data["programme"], "period": data["period"]}


def _key(data: dict[str, Any]) -> str:
    return f"{data['case_id']}:{data['programme']}:{data['period']}"


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
        **_business_key(data),
        "outcome": data["outcome"],
        "attempt": data["attempt"],
        "reason": data["bank_reason"],
    }


_PAYMENT_UPDATES: dict[str, _SetBased] = {
    "payments.PaymentInstructed": _SetBased(_INSTRUCTED, _instructed, latest_attempt_only=True),
    "payments.PaymentSettled": _SetBased(_SETTLED, _settled),
    "payments.PaymentFailed": _SetBased(_FAILED, _failed),
}


def _run_common(event: RecordedEvent) -> dict[str, Any]:
    return {"run_id": event.data.get("run_id"), "version": event.stream_version}


async def _run_started(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        _RUN_STARTED,
        {
            **_run_common(event),
            "county": data["county_code"],
            "period": data["period"],
            "by": event.metadata.actor.id,
            "at": event.recorded_at,
            "channel": data.get("channel", "api"),
        },
    )


async def _run_retried(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_RUN_RETRIED, _run_common(event))


async def _return_imported(event: RecordedEvent, conn: AsyncConnection) -> None:
    await conn.execute(_RUN_VERSION, _run_common(event))


async def _unpayable(event: RecordedEvent, conn: AsyncConnection) -> None:
    data = event.data
    await conn.execute(
        _UNPAYABLE,
        {
            "run_id": data["run_id"],
            "case_id": data["case_id"],
            "programme": data["programme"],
            "division": data["division_code"],
            "reason": data["reason"],
        },
    )


async def _run_completed(event: RecordedEvent, conn: AsyncConnection) -> None:
    totals = {k: event.data[k] for k in ("instructed", "settled", "settled_fen", "failed")}
    await conn.execute(_RUN_COMPLETED, {**_run_common(event), **totals, "at": event.recorded_at})


class PaymentsView(Projection):
    """One row per payment (its latest attempt) and one per run."""

    name = "payments.payments_view"
    tables = ("payments_view", "runs_view", "run_unpayable")
    handlers: Mapping[str, ProjectionHandler] = {
        **_PAYMENT_UPDATES,
        "payments.PaymentRunStarted": _run_started,
        "payments.FailedPaymentsRetried": _run_retried,
        "payments.BankReturnImported": _return_imported,
        "payments.BeneficiaryUnpayable": _unpayable,
        "payments.PaymentRunCompleted": _run_completed,
    }

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Consecutive payment events of one type in one set-based statement; run events one
        at a time between them; all in log order."""
        for event_type, run in groupby(batch, key=lambda event: event.type):
            events = list(run)
            payment_update = _PAYMENT_UPDATES.get(event_type)
            if payment_update is not None:
                await payment_update.apply(events, conn)
            else:
                for event in events:
                    await self.handle(event, conn)
