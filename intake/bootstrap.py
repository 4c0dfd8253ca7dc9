"""The one place intake is wired: store, registry, repositories, projections, relay, app."""

from __future__ import annotations

from intake.domain import application
from intake.entrypoints.api import router
from intake.migrations import MIGRATIONS
from intake.projections.applications import ApplicationsView
from shared.application.repository import Repository
from shared.runtime import ServiceConfig, ServiceRuntime, wire

SERVICE = "intake"


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire intake for the given configuration."""
    runtime = wire(
        config,
        title="SafetyNet intake 一门受理",
        description="One door for every assistance programme: acceptance, first inquiry, referral,"
        " active discovery and the green channel (INT-1 … INT-10).",
        routers=[router],
        migrations=MIGRATIONS,
        register_events=[application.register_events],
        projections=[ApplicationsView()],
    )
    runtime.app.state.applications = Repository(
        runtime.store, runtime.registry, application.Application
    )
    return runtime
