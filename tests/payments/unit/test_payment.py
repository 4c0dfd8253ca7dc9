"""A payment settles once, whatever the bank repeats; retries keep the business key (PAY-3)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from payments.domain.payment import (
    NotRetryable,
    Payment,
    PaymentInstructed,
    payment_id_for,
    payment_key,
)

KEY = payment_key("case-1", "urban_dibao", "2026-11")


def instructed() -> Payment:
    payment = Payment(KEY)
    pid = payment_id_for(KEY)
    payment.instruct(
        PaymentInstructed(
            pid, "620102-2026-11", "case-1", "urban_dibao", "2026-11", "620102001",
            110_000, 110_000, 0, 1, f"{pid}-1", "张桂兰", "6228480012345678901",
        )
    )  # fmt: skip
    return payment


@pytest.mark.req("PAY-3")
def test_a_duplicated_bank_answer_settles_once() -> None:
    # given an instructed payment
    payment = instructed()
    instruction = payment.instructed.instruction_id  # type: ignore[union-attr]
    # when the bank's paid answer arrives twice
    first = payment.settle(instruction, datetime.now(UTC))
    second = payment.settle(instruction, datetime.now(UTC))
    # then one PaymentSettled is recorded, with the account masked
    settled = [e for e in payment.pending if type(e).__name__ == "PaymentSettled"]
    assert (first, second, len(settled)) == (True, False, 1)
    assert settled[0].bank_account_masked.endswith("8901")
    assert "6228480012345678901" not in settled[0].bank_account_masked


@pytest.mark.req("PAY-3")
def test_a_failure_is_retried_with_a_new_instruction_under_the_same_key() -> None:
    payment = instructed()
    first = payment.instructed.instruction_id  # type: ignore[union-attr]
    assert payment.fail(first, "failed", "bank busy")
    payment.retry()
    assert payment.instructed.attempt == 2  # type: ignore[union-attr]
    assert payment.instructed.instruction_id != first  # type: ignore[union-attr]
    # a late answer to the first instruction no longer counts
    assert payment.settle(first, datetime.now(UTC)) is False
    with pytest.raises(NotRetryable):
        payment.retry()


@pytest.mark.req("PAY-3")
def test_a_failed_payment_is_retryable_until_its_third_attempt() -> None:
    payment = instructed()
    assert not payment.retryable  # instructed, not failed
    for attempt in (1, 2, 3):
        assert payment.instructed is not None and payment.instructed.attempt == attempt
        payment.fail(payment.instructed.instruction_id, "failed", "bank busy")
        if attempt < 3:
            assert payment.retryable
            payment.retry()
    assert payment.status == "failed" and not payment.retryable
    with pytest.raises(NotRetryable):
        payment.retry()
