"""Verification's consumer groups (wired with their handlers in `verification.bootstrap`)."""

from shared.messaging.subscriptions import Subscription

APPLICATIONS = Subscription("verification.intake", ("intake",))
ORDERS = Subscription("verification.supervision", ("supervision",))
AMOUNTS = Subscription("verification.payments", ("payments",))
SUBSCRIPTIONS = (APPLICATIONS, ORDERS, AMOUNTS)
