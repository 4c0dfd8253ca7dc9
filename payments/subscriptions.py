"""Payments' consumer groups (wired with their handlers in `payments.bootstrap`)."""

from shared.messaging.subscriptions import Subscription

PIPELINE = Subscription("payments.pipeline", ("intake", "verification"))  # PAY-7
DECISIONS = Subscription(
    "payments.decisions", ("intake", "verification", "supervision")
)  # PAY-2, PAY-3, PAY-8, PAY-9
STANDARDS = Subscription("payments.standards", ("payments",))  # PAY-4
SUBSCRIPTIONS = (PIPELINE, DECISIONS, STANDARDS)
