"""Granting disaster relief: the grant and its payment instruction in one transaction (PAY-6)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.domain.disaster import PRIORITY, Disaster, DisasterReliefGranted
from payments.domain.payment import Payment, PaymentInstructed, payment_id_for, payment_key
from shared.eventstore.envelope import EventMetadata, RecordedEvent


@dataclass(frozen=True)
class GrantRelief:
    """Grant relief to a household of a disaster and pay it at once."""

    disaster_id: str
    household_id: str
    case_id: str | None
    category: str
    amount_fen: int
    in_temporary_shelter: bool
    payee_name: str
    bank_account: str
    division_code: str
    expected_version: int
    metadata: EventMetadata
    period: str  # the month the grant is paid in (today's, from the service's clock)


async def grant_relief(
    cmd: GrantRelief, disaster: Disaster, repos: Repositories, conn: AsyncConnection
) -> list[RecordedEvent]:
    """Record DisasterReliefGranted on the disaster as loaded and the payment's
    PaymentInstructed (priority ordered)."""
    case_id = cmd.case_id or f"disaster:{cmd.disaster_id}:{cmd.household_id}"
    priority = PRIORITY[cmd.category]
    disaster.grant(
        DisasterReliefGranted(
            cmd.disaster_id,
            cmd.household_id,
            case_id,
            cmd.category,
            priority,
            cmd.amount_fen,
            cmd.in_temporary_shelter,
        )
    )
    metadata = replace(cmd.metadata, case_id=case_id)
    recorded = await repos.disasters.save(disaster, metadata, conn, cmd.expected_version)
    key = payment_key(case_id, "disaster_relief", cmd.period)
    payment, payment_id = Payment(key), payment_id_for(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id,
            run_id=f"disaster-{cmd.disaster_id}",
            case_id=case_id,
            programme="disaster_relief",
            period=key.rsplit(":", 1)[1],
            division_code=cmd.division_code,
            amount_fen=cmd.amount_fen,
            monthly_fen=0,
            back_pay_fen=0,
            attempt=1,
            instruction_id=f"{payment_id}-1",
            payee_name=cmd.payee_name,
            bank_account=cmd.bank_account,
            priority=priority,
        )
    )
    await repos.payments.save(payment, metadata, conn, expected_version=0)
    return recorded
