"""The one way a bank's answer becomes a payment's outcome, whether it came over the batch API or
in a return file (ADR 0038): the same events, the same once-only rule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.adapters.bank import BankAnswer
from payments.adapters.streams import load_many
from payments.application.context import Repositories
from payments.domain.beneficiary import Beneficiary
from payments.domain.payment import Payment
from shared.eventstore.envelope import Actor, EventMetadata

BANK = Actor("bank", "bank", "代发银行", "62")
API_CHANNEL = "bank-api"
PAYMENT_FAILED = "payment-failed"  # the bank refused the month's last attempt: owed, paid back
FILE_CHANNEL = "bank-file"


def record_answer(payment: Payment, answer: BankAnswer, at: datetime) -> bool:
    """Apply the bank's answer; False when it changes nothing (a duplicated or late answer)."""
    if answer.status == "paid":
        return payment.settle(answer.instruction_id, at)
    return payment.fail(answer.instruction_id, answer.status, answer.reason)


def bank_metadata(
    payment: Payment, answer: BankAnswer, run_id: str, channel: str = API_CHANNEL
) -> EventMetadata:
    """Who decided the outcome (the bank), through which channel, and the bank's reason."""
    assert payment.instructed is not None
    reason = "银行代发成功 (paid by the bank)" if answer.status == "paid" else answer.reason
    return EventMetadata(
        actor=BANK,
        channel=channel,
        reason=reason,
        correlation_id=run_id,
        case_id=payment.instructed.case_id,
    )


async def owe_what_failed_for_good(
    repos: Repositories, conn: AsyncConnection, answered: list[tuple[Payment, EventMetadata]]
) -> None:
    """A payment that failed at its last attempt is retried no more: its month is recorded
    unpayable on the beneficiary (`payment-failed`), and the next run pays it back (ADR 0061),
    into the account the beneficiary has then."""
    failed = {
        Beneficiary.id_for(p.instructed.case_id, p.instructed.programme): (p.instructed, m)
        for p, m in answered
        if p.failed_for_good and p.instructed is not None
    }
    if not failed:
        return
    beneficiaries = await load_many(repos.beneficiaries, conn, list(failed))
    owed = []
    for beneficiary_id, (instructed, metadata) in failed.items():
        beneficiary = beneficiaries.get(beneficiary_id)
        if beneficiary is not None and beneficiary.unpayable(
            instructed.run_id, instructed.period, PAYMENT_FAILED
        ):
            owed.append((beneficiary, metadata))
    await repos.beneficiaries.save_many(owed, conn)
