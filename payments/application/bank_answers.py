"""The one way a bank's answer becomes a payment's outcome, whether it came over the batch API or
in a return file (ADR 0038): the same events, the same once-only rule."""

from __future__ import annotations

from datetime import datetime

from payments.adapters.bank import BankAnswer
from payments.domain.payment import Payment
from shared.eventstore.envelope import Actor, EventMetadata

BANK = Actor("bank", "bank", "代发银行", "62")
API_CHANNEL = "bank-api"
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
