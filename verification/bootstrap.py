"""The one place verification is wired."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import RecordedEvent
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire
from verification.domain import case
from verification.entrypoints.api import router
from verification.migrations import MIGRATIONS
from verification.projections.cases import CasesView
from verification.reactions.open_case import open_cases_for_application

SERVICE = "verification"


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire verification for the given configuration."""
    holder: dict[str, Repository[case.VerificationCase]] = {}

    async def on_intake_event(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.type == "intake.ApplicationSubmitted":
            await open_cases_for_application(event, conn, holder["cases"])

    runtime = wire(
        config,
        title="SafetyNet verification 核查审核审批",
        description="Economic verification, household investigation, township review, the county's"
        " 30% spot check, approval and public notice (VER-1 … VER-9).",
        routers=[router],
        migrations=MIGRATIONS,
        register_events=[case.register_events],
        projections=[CasesView()],
        subscriptions=[Subscription("verification.intake", ("intake",), on_intake_event)],
    )
    holder["cases"] = Repository(runtime.store, runtime.registry, case.VerificationCase)
    return runtime
