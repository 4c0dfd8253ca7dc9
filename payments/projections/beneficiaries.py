"""beneficiaries_view ← enrolment, entitlement and status events: the ledger head per benefit."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.privacy import mask_bank_account
from shared.projections.runner import Projection

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
_STATUS = text(
    """
    UPDATE beneficiaries_view SET version = :version, status = :status, updated_at = :at,
        stopped_from = LEAST(stopped_from, CAST(:stopped_from AS date))
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
_VERSION_ONLY = frozenset({
    "payments.BackPayCalculated", "payments.BeneficiaryUnpayable",
    "payments.BeneficiaryAwaitingStandard",
})  # fmt: skip
_STATUSES = {
    "payments.BeneficiarySuspended": "suspended",
    "payments.BeneficiaryTerminated": "terminated",
}


class BeneficiariesView(Projection):
    """One row per (case, programme): status, amount in force and its explanation."""

    name = "payments.beneficiaries_view"
    tables = ("beneficiaries_view",)
    handles = frozenset({
        "payments.BeneficiaryEnrolled", "payments.EntitlementCalculated",
        "payments.BankAccountChanged", "payments.ChildAllowanceAgeLimitReached",
        *_STATUSES, *_VERSION_ONLY,
    })  # fmt: skip

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        """Apply enrolment, entitlement and status events."""
        await self.handle_batch([event], conn)

    async def handle_batch(self, batch: list[RecordedEvent], conn: AsyncConnection) -> None:
        """Apply a batch in rounds: the n-th event of every benefit in round n, each round one
        executemany per statement — a benefit's events keep their order, different benefits'
        rows are independent."""
        rounds: list[dict[TextClause, list[dict[str, Any]]]] = []
        seen: dict[tuple[Any, Any], int] = {}
        for event in batch:
            step = _step(event)
            if step is None:
                continue
            key = (event.data.get("case_id"), event.data.get("programme"))
            n = seen[key] = seen.get(key, -1) + 1
            if n == len(rounds):
                rounds.append({})
            rounds[n].setdefault(step[0], []).append(step[1])
        for statements in rounds:
            for statement, rows in statements.items():
                await conn.execute(statement, rows)


def _step(event: RecordedEvent) -> tuple[TextClause, dict[str, Any]] | None:
    data, common = event.data, _common(event)
    if event.type == "payments.BeneficiaryEnrolled":
        account = data["bank_account"]
        return _ENROL, {
            **common,
            "division": data["division_code"],
            "county": data["county_code"],
            "amount": data["monthly_amount_fen"],
            "effective_from": date.fromisoformat(data["effective_from"]),
            "payee": data["payee_name"],
            "account": mask_bank_account(account) if account else None,
        }
    if event.type == "payments.EntitlementCalculated":
        return _ENTITLEMENT, {
            **common,
            "amount": data["monthly_amount_fen"],
            "effective_from": date.fromisoformat(data["effective_from"]),
            "method": data["method"],
            "en": data["explanation_en"],
            "zh": data["explanation_zh"],
        }
    if event.type in _STATUSES:
        stopped = date.fromisoformat(data["effective_from"])
        return _STATUS, {**common, "status": _STATUSES[event.type], "stopped_from": stopped}
    if event.type == "payments.ChildAllowanceAgeLimitReached":  # ADR 0042
        stopped = date.fromisoformat(data["coming_of_age_stopped_from"])
        return _STATUS, {**common, "status": "terminated", "stopped_from": stopped}
    if event.type == "payments.BankAccountChanged":
        return _ACCOUNT, {**common, "account": data["bank_account_masked"]}
    if event.type in _VERSION_ONLY:  # the ETag follows the stream, for If-Match on the account
        return _VERSION, common
    return None


def _common(event: RecordedEvent) -> dict[str, Any]:
    return {
        "case_id": event.data.get("case_id"),
        "programme": event.data.get("programme"),
        "version": event.stream_version,
        "at": event.recorded_at,
    }
