"""The one place verification is wired."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events
from verification.access import ACCESS
from verification.adapters.partner_data import PartnerDataClient
from verification.application.care_register import CareRegister
from verification.application.service import Policy, Verification
from verification.domain.events import register_events
from verification.entrypoints import (
    api,
    batches,
    children,
    county,
    inclusion,
    life_events,
    migrations,
    notices,
    publication,
    township,
)
from verification.entrypoints import policy as policy_routes
from verification.migrations import MIGRATIONS
from verification.projections.batches import BatchesView
from verification.projections.care_register import ChildrenView, InclusionView
from verification.projections.cases import CasesView
from verification.projections.members import MembersView
from verification.reactions.deadlines import deadline_watcher
from verification.reactions.green_channel import note_prior_assistance
from verification.reactions.open_case import open_cases_for_application
from verification.reactions.recheck import open_recheck_on_order
from verification.reactions.staff_relatives import note_staff_relative
from verification.reactions.withdrawn import close_on_withdrawal

SERVICE = "verification"


def configured_policy(config: ServiceConfig) -> Policy:
    """The policy the composition root built from the settings; the defaults when there is none."""
    if config.policy is None:
        return Policy()
    if not isinstance(config.policy, Policy):
        raise TypeError(f"verification needs a Policy, not {type(config.policy).__name__}")
    return config.policy


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
        elif event.type == "intake.StaffRelativeDeclared":
            await note_staff_relative(event, conn, holder["v"].cases)

    async def on_supervision_event(event: RecordedEvent, conn: AsyncConnection) -> None:
        if event.type == "supervision.CorrectiveActionOrdered":
            await open_recheck_on_order(event, conn, holder["v"].cases)

    runtime = wire(
        config,
        access=ACCESS,
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
            policy_routes.router,
            life_events.router,
            children.router,
            inclusion.router,
            migrations.router,
        ],
        migrations=MIGRATIONS,
        register_events=[
            register_events,
            lambda registry: register_calendar_events(SERVICE, registry),
        ],
        projections=[CasesView(), BatchesView(), MembersView(), ChildrenView(), InclusionView()],
        subscriptions=[
            Subscription("verification.intake", ("intake",), on_intake_event),
            Subscription("verification.supervision", ("supervision",), on_supervision_event),
        ],
    )
    if partner is None and config.partner_data_url:
        partner = PartnerDataClient(
            config.partner_data_url,
            timeout_s=config.partner_timeout_s,
        )
    verification = Verification(
        runtime.store, runtime.registry, partner, config.clock, policy or configured_policy(config)
    )
    holder["v"] = verification
    book = CalendarBook.over(SERVICE, verification.policy.calendar)
    verification.policy = replace(verification.policy, calendar=book)
    mount_calendar(runtime, book)
    mount_event_schemas(runtime)
    runtime.app.state.verification = verification
    runtime.app.state.care_register = CareRegister(runtime.store, runtime.registry, config.clock)
    runtime.loops.append(deadline_watcher(verification, runtime.engine, config.watcher_interval_s))
    return runtime
