"""The one place verification is wired."""

from __future__ import annotations

import os

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire
from verification.adapters.partner_data import PartnerDataClient
from verification.application.service import Policy, Verification
from verification.domain.events import register_events
from verification.entrypoints import api, batches, county, notices, publication, township
from verification.migrations import MIGRATIONS
from verification.projections.batches import BatchesView
from verification.projections.cases import CasesView
from verification.reactions.deadlines import deadline_watcher
from verification.reactions.green_channel import note_prior_assistance
from verification.reactions.open_case import open_cases_for_application
from verification.reactions.recheck import open_recheck_on_order
from verification.reactions.withdrawn import close_on_withdrawal

SERVICE = "verification"


def watcher_interval_s() -> float:
    """How often the service loop checks deadlines, retries sources and opens due re-reviews."""
    raw = os.environ.get("VERIFICATION_WATCHER_INTERVAL_S", "30").strip() or "30"
    try:
        interval = float(raw)
    except ValueError:
        raise ValueError("VERIFICATION_WATCHER_INTERVAL_S must be a number of seconds") from None
    if not interval > 0:
        raise ValueError("VERIFICATION_WATCHER_INTERVAL_S must be positive")
    return interval


def build(
    config: ServiceConfig,
    *,
    policy: Policy | None = None,
    partner: PartnerDataClient | None = None,
) -> ServiceRuntime:
    """Wire verification for the given configuration (tests pass a policy or a partner client)."""
    holder: dict[str, Verification] = {}

    async def on_intake_event(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.type == "intake.ApplicationSubmitted":
            await open_cases_for_application(event, conn, holder["v"].cases)
        elif event.type == "intake.PriorAssistanceGranted":
            await note_prior_assistance(event, conn, holder["v"].cases)
        elif event.type == "intake.ApplicationWithdrawn":
            await close_on_withdrawal(event, conn, holder["v"].cases)

    async def on_supervision_event(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.type == "supervision.CorrectiveActionOrdered":
            await open_recheck_on_order(event, conn, holder["v"].cases)

    runtime = wire(
        config,
        title="SafetyNet verification 核查审核审批",
        description="Economic verification, household investigation, township review, the county's"
        " 30% spot check, approval and public notice (VER-1 … VER-9).",
        routers=[
            api.router,
            township.router,
            publication.router,
            county.router,
            batches.router,
            notices.router,
        ],
        migrations=MIGRATIONS,
        register_events=[register_events],
        projections=[CasesView(), BatchesView()],
        subscriptions=[
            Subscription("verification.intake", ("intake",), on_intake_event),
            Subscription("verification.supervision", ("supervision",), on_supervision_event),
        ],
    )
    if partner is None and config.partner_data_url:
        partner = PartnerDataClient(
            config.partner_data_url,
            timeout_s=float(os.environ.get("VERIFICATION_PARTNER_TIMEOUT_S", "1.0")),
        )
    verification = Verification(
        runtime.store, runtime.registry, partner, config.clock, policy or Policy.from_env()
    )
    holder["v"] = verification
    runtime.app.state.verification = verification
    runtime.loops.append(deadline_watcher(verification, runtime.engine, watcher_interval_s()))
    return runtime
