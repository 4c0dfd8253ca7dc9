"""Supervision's consumer groups over every service's events (wired in `supervision.bootstrap`)."""

from shared.messaging.subscriptions import Subscription

ALL_SERVICES = ("intake", "verification", "payments", "supervision")
AUDIT = Subscription("supervision.audit", ALL_SERVICES)  # SUP-1
DETECTORS = Subscription("supervision.detectors", ALL_SERVICES)
WEBHOOKS = Subscription("supervision.webhooks", ALL_SERVICES, public=True)  # ADR 0036
SUBSCRIPTIONS = (AUDIT, DETECTORS, WEBHOOKS)
