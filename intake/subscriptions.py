"""Intake's consumer groups (wired with their handlers in `intake.bootstrap`)."""

from shared.messaging.subscriptions import Subscription

DECISIONS = Subscription("intake.verification", ("verification",))  # INT-4, INT-9
PAYMENTS = Subscription("intake.payments", ("payments",))  # INT-7 standards, INT-9 ends
SUBSCRIPTIONS = (DECISIONS, PAYMENTS)
