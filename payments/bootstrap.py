"""The one place payments is wired."""

from __future__ import annotations

from payments.entrypoints.api import router
from payments.migrations import MIGRATIONS
from payments.reactions.pipeline import track_case
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire

SERVICE = "payments"


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire payments for the given configuration."""
    return wire(
        config,
        title="SafetyNet payments 资金发放",
        description="Standards, entitlements, monthly payment runs, price linkage, disaster relief"
        " and funds (PAY-1 … PAY-8).",
        routers=[router],
        migrations=MIGRATIONS,
        register_events=[],
        projections=[],
        subscriptions=[
            Subscription("payments.pipeline", ("intake", "verification"), track_case),
        ],
    )
