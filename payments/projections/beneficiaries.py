"""beneficiaries_view ← enrolment, entitlement and status events: the ledger head per benefit."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.privacy import mask_bank_account
from shared.projections.runner import Projection, ProjectionHandler

_ENROL = text(
    """
    INSERT INTO beneficiaries_view (case_id, programme, version, division_code, county_code,
        status, monthly_amount_fen, effective_from, method, explanation_en, explanation_zh,
        payee_name, bank_account_masked, updated_at)
    VALUES (:case_id, :programme, :version, :division, :county, 'active', :amount,
        :effective_from, 'pending', '', '', :payee, :account, :at)
    ON CONFLICT (case_id, programme) DO NOTHING
    """
)
_ENTITLEMENT = text(
    """
    UPDATE beneficiaries_view SET version = :version, monthly_amount_fen = :amount,
        effective_from = :effective_from, method = :method, explanation_en = :en,
        explanation_zh = :zh, updated_at = :at
    WHERE case_id = :case_id AND programme = :programme AND version < :version
    """
)
# payable in the period starting :period_start (the view's pre-filter; the aggregate decides):
# not stopped on or before its first day, or paid again by then (ADR 0066)
PAYABLE_IN_PERIOD = (
    "(stopped_from IS NULL OR stopped_from > CAST(:period_start AS date)"
    " OR resumed_from <= CAST(:period_start AS date))"
)
# a stop after a resumption is the stop in force; before one, the earliest stop is
_STATUS = text(
    """
    UPDATE beneficiaries_view SET version = :version, status = :status, updated_at = :at,
        stopped_from = CASE WHEN resumed_from IS NULL
            THEN LEAST(stopped_from, CAST(:stopped_from AS date))
            ELSE CAST(:stopped_from AS date) END,
        resumed_from = NULL
    WHERE case_id = :case_id AND programme = :programme AND version < :version
    """
)
# a resumption from a later date keeps the gap it leaves unpaid; from the stop or before, none
_RESUMED = text(
    """
    UPDATE beneficiaries_view SET version = :version, status = 'active', updated_at = :at,
        resumed_from = CASE WHEN CAST(:resumed_from AS date) > stopped_from
            THEN CAST(:resumed_from AS date) END,
        stopped_from = CASE WHEN CAST(:resumed_from AS date) > stopped_from
            THEN stopped_from END
    WHERE case_id = :case_id AND programme = :programme AND version < :version
    """
)
_ACCOUNT = text(
    """
    UPDATE beneficiaries_view SET version = :version, bank_account_masked = :account,
        updated_at = :at
    WHERE case_id = :case_id AND programme = :programme AND version < :version
    """
)
_VERSION = text(
    """
    UPDATE beneficiaries_view SET version = :version, updated_at = :at
    WHERE case_id = :case_id AND programme = :programme AND version < :version
    """
)


@dataclass(frozen=True)
class _Update:
    """The handler of one event type: its statement, with the parameters an event of the type
    gives it. Alone it executes once; in a batch, every row of a statement goes in one
    executemany (see `BeneficiariesView.handle_batch`)."""

    statement: TextClause
    params: Callable[[RecordedEvent], dict[str, Any]]

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        await conn.execute(self.statement, self.params(event))


def _enrolled(event: RecordedEvent) -> dict[str, Any]:
    data, account = event.data, event.data["bank_account"]
    return {
        **_common(event),
        "division": data["division_code"],
        "county": data["county_code"],
        "amount": data["monthly_amount_fen"],
        "effective_from": date.fromisoformat(data["effective_from"]),
        "payee": data["payee_name"],
        "account": mask_bank_account(account) if account else None,
    }


def _entitlement(event: RecordedEvent) -> dict[str, Any]:
    data = event.data
    return {
        **_common(event),
        "amount": data["monthly_amount_fen"],
        "effective_from": date.fromisoformat(data["effective_from"]),
        "method": data["method"],
        "en": data["explanation_en"],
        "zh": data["explanation_zh"],
    }


def _suspended(event: RecordedEvent) -> dict[str, Any]:
    return _stopped(event, "suspended", event.data["effective_from"])


def _terminated(event: RecordedEvent) -> dict[str, Any]:
    return _stopped(event, "terminated", event.data["effective_from"])


def _age_limit_reached(event: RecordedEvent) -> dict[str, Any]:
    """The child's allowance ends after the month of the age limit (ADR 0042)."""
    return _stopped(event, "terminated", event.data["coming_of_age_stopped_from"])


def _stopped(event: RecordedEvent, status: str, stopped_from: str) -> dict[str, Any]:
    return {**_common(event), "status": status, "stopped_from": date.fromisoformat(stopped_from)}


def _resumed(event: RecordedEvent) -> dict[str, Any]:
    return {**_common(event), "resumed_from": date.fromisoformat(event.data["effective_from"])}


def _account_changed(event: RecordedEvent) -> dict[str, Any]:
    return {**_common(event), "account": event.data["bank_account_masked"]}


def _common(event: RecordedEvent) -> dict[str, Any]:
    """The benefit's row and the stream version the event moves it to (the ETag follows the
    stream, for If-Match on the account, also for events that change nothing else)."""
    return {
        "case_id": event.data.get("case_id"),
        "programme": event.data.get("programme"),
        "version": event.stream_version,
        "at": event.recorded_at,
    }


_UPDATES: dict[str, _Update] = {
    "payments.BeneficiaryEnrolled": _Update(_ENROL, _enrolled),
    "payments.EntitlementCalculated": _Update(_ENTITLEMENT, _entitlement),
    "payments.BeneficiarySuspended": _Update(_STATUS, _suspended),
    "payments.BeneficiaryTerminated": _Update(_STATUS, _terminated),
    "payments.BeneficiaryResumed": _Update(_RESUMED, _resumed),
    "payments.ChildAllowanceAgeLimitReached": _Update(_STATUS, _age_limit_reached),
    "payments.BankAccountChanged": _Update(_ACCOUNT, _account_changed),
    "payments.BackPayCalculated": _Update(_VERSION, _common),
    "payments.BeneficiaryUnpayable": _Update(_VERSION, _common),
    "payments.BeneficiaryAwaitingStandard": _Update(_VERSION, _common),
}


class BeneficiariesView(Projection):
    """One row per (case, programme): status, amount in force and its explanation."""

    name = "payments.beneficiaries_view"
    tables = ("beneficiaries_view",)
    handlers: Mapping[str, ProjectionHandler] = _UPDATES

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Apply a batch in rounds: the n-th event of every benefit in round n, each round one
        executemany per statement — a benefit's events keep their order, different benefits'
        rows are independent."""
        rounds: list[dict[TextClause, list[dict[str, Any]]]] = []
        seen: dict[tuple[Any, Any], int] = {}
        for event in batch:
            update = _UPDATES[event.type]
            key = (event.data.get("case_id"), event.data.get("programme"))
            n = seen[key] = seen.get(key, -1) + 1
            if n == len(rounds):
                rounds.append({})
            rounds[n].setdefault(update.statement, []).append(update.params(event))
        for statements in rounds:
            for statement, rows in statements.items():
                await conn.execute(statement, rows)
