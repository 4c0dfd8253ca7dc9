"""The one place supervision is wired."""

from __future__ import annotations

from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire
from supervision.entrypoints.api import router
from supervision.migrations import MIGRATIONS
from supervision.reactions.audit_trail import record_in_audit_trail

SERVICE = "supervision"
ALL_SERVICES = ("intake", "verification", "payments", "supervision")


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire supervision for the given configuration."""
    return wire(
        config,
        title="SafetyNet supervision 监督检查",
        description="Case audit trails across all services, complaints, irregularity detectors,"
        " inspections, institution safety and reports (SUP-1 … SUP-9).",
        routers=[router],
        migrations=MIGRATIONS,
        register_events=[],
        projections=[],
        subscriptions=[Subscription("supervision.audit", ALL_SERVICES, record_in_audit_trail)],
    )
