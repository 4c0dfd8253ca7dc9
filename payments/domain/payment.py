"""One payment per beneficiary, programme and period: its stream id is the business key (PAY-3).

The stream `payment-<case>:<programme>:<period>` is created with expected version 0, so a second
instruction for the same key fails in the event store whatever crashed or was retried; each bank
attempt has its own instruction id, which the bank treats as idempotent.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type
from shared.privacy import mask_bank_account

PAYMENT_NAMESPACE = uuid.UUID("6c7f6a52-55a4-4c1c-9d6e-0b5f1a1e2d40")
MAX_ATTEMPTS = 3


@event_type("payments.PaymentInstructed", version=1)
@dataclass(frozen=True)
class PaymentInstructed:
    """A payable of a run sent as an instruction to the bank (one per attempt)."""

    payment_id: str
    run_id: str
    case_id: str
    programme: str
    period: str
    division_code: str
    amount_fen: int
    monthly_fen: int
    back_pay_fen: int
    attempt: int
    instruction_id: str
    payee_name: str
    bank_account: str
    price_subsidy_fen: int = 0
    priority: int = 9  # disaster relief is paid in the notice's priority order (1 first)


@event_type("payments.PaymentSettled", version=1)
@dataclass(frozen=True)
class PaymentSettled:
    """The bank paid the instruction: the money reached the household."""

    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    bank_account_masked: str
    settled_at: datetime
    instruction_id: str
    run_id: str


@event_type("payments.PaymentFailed", version=1)
@dataclass(frozen=True)
class PaymentFailed:
    """The bank refused (failed) or sent back (returned) an instruction."""

    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    instruction_id: str
    attempt: int
    outcome: str  # failed | returned
    bank_reason: str
    run_id: str


@event_type("payments.OneOffPaymentRefused", version=1)
@dataclass(frozen=True)
class OneOffPaymentRefused:
    """A one-off grant payments could not pay: over its cap or no account to pay into."""

    case_id: str
    programme: str
    amount_fen: int
    cap_fen: int | None
    reason: str


@event_type("payments.OverpaymentRecoveryRecorded", version=1)
@dataclass(frozen=True)
class OverpaymentRecoveryRecorded:
    """Supervision ordered an overpayment recovered (追回): the amount owed back, and why."""

    action_id: str
    case_id: str
    programme: str | None
    amount_fen: int
    reason: str
    complaint_id: str | None


@event_type("payments.OverpaymentRecoveryRefused", version=1)
@dataclass(frozen=True)
class OverpaymentRecoveryRefused:
    """Supervision's recovery order payments cannot record: no such benefit paid by payments
    (`reason` "no-beneficiary"), or more than was paid to the case in the programme
    ("exceeds-paid", with `paid_fen`), or no amount above zero ("no-amount"); nothing is owed
    back on it."""

    action_id: str
    case_id: str
    programme: str | None
    amount_fen: int
    paid_fen: int
    reason: str
    complaint_id: str | None


class NotRetryable(DomainError):
    """Only a failed or returned payment below the attempt limit can be retried."""

    code = "payment-not-retryable"
    status = 409
    title_en = "The payment cannot be retried"
    title_zh = "该笔支付不能重发"


def payment_key(case_id: str, programme: str, period: str) -> str:
    """The business key: one payment per beneficiary, programme and period."""
    return f"{case_id}:{programme}:{period}"


def payment_id_for(key: str) -> str:
    """A stable payment id derived from the business key."""
    return str(uuid.uuid5(PAYMENT_NAMESPACE, key))


class Payment(Aggregate):
    """A payment's instructions and outcomes."""

    stream_prefix = "payment"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.instructed: PaymentInstructed | None = None
        self.status = "none"
        self.settled_instruction: str | None = None

    def instruct(self, instruction: PaymentInstructed) -> None:
        """First instruction of the payment."""
        self.record(instruction)

    def settle(self, instruction_id: str, settled_at: datetime) -> bool:
        """Settle once: a repeated or late answer for the same payment changes nothing."""
        current = self._current()
        if self.status != "instructed" or instruction_id != current.instruction_id:
            return False
        self.record(
            PaymentSettled(
                current.payment_id,
                current.case_id,
                current.programme,
                current.period,
                current.amount_fen,
                mask_bank_account(current.bank_account),
                settled_at,
                instruction_id,
                current.run_id,
            )
        )
        return True

    def fail(self, instruction_id: str, outcome: str, reason: str) -> bool:
        """Record a refusal or return once for the instruction it answers."""
        current = self._current()
        if self.status != "instructed" or instruction_id != current.instruction_id:
            return False
        self.record(
            PaymentFailed(
                current.payment_id,
                current.case_id,
                current.programme,
                current.period,
                current.amount_fen,
                instruction_id,
                current.attempt,
                outcome,
                reason,
                current.run_id,
            )
        )
        return True

    def retry(self, bank_account: str | None = None) -> None:
        """A new attempt with a new instruction id, after a failure; into `bank_account` when
        the beneficiary's account changed since (a closed account is not tried again)."""
        current = self._current()
        if not self.retryable:
            raise NotRetryable(
                f"payment {self.id} is {self.status} after {current.attempt} attempt(s)",
                f"支付{self.id}状态为{self.status}，已尝试{current.attempt}次，不能重发",
            )
        attempt = current.attempt + 1
        self.record(
            PaymentInstructed(
                **{
                    **current.__dict__,
                    "attempt": attempt,
                    "instruction_id": f"{current.payment_id}-{attempt}",
                    "bank_account": bank_account or current.bank_account,
                }
            )
        )

    @property
    def retryable(self) -> bool:
        """A failed payment below the attempt limit may be sent again."""
        return (
            self.status == "failed"
            and self.instructed is not None
            and self.instructed.attempt < MAX_ATTEMPTS
        )

    @property
    def failed_for_good(self) -> bool:
        """A payment that failed at its last attempt: its month is owed by another way."""
        return (
            self.status == "failed"
            and self.instructed is not None
            and self.instructed.attempt >= MAX_ATTEMPTS
        )

    def _current(self) -> PaymentInstructed:
        assert self.instructed is not None, "a payment is instructed before anything else"
        return self.instructed

    def when_PaymentInstructed(self, event: PaymentInstructed) -> None:
        self.instructed = event
        self.status = "instructed"

    def when_PaymentSettled(self, event: PaymentSettled) -> None:
        self.status = "settled"
        self.settled_instruction = event.instruction_id

    def when_PaymentFailed(self, event: PaymentFailed) -> None:
        self.status = "failed"
