"""The one place intake is wired: store, registry, repositories, projections, loops, app."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncConnection

from intake.access import ACCESS
from intake.adapters.green_channel import on_payments_event
from intake.application.deadlines import DeadlineWatcher
from intake.domain import application, duplicates, handed_in, referral, urgent
from intake.entrypoints import (
    api,
    decisions_api,
    handin_api,
    referrals_api,
    urgent_api,
    urgent_reads,
    work_api,
)
from intake.migrations import MIGRATIONS
from intake.policy import IntakePolicy
from intake.projections.applications import ApplicationsView
from intake.projections.deadlines import DeadlinesView
from intake.reactions.decisions import on_verification_event
from shared.application.repository import Repository
from shared.eventstore.envelope import RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events

SERVICE = "intake"


def build(config: ServiceConfig, policy: IntakePolicy | None = None) -> ServiceRuntime:
    """Wire intake for the given configuration (its clock in it; policy injectable for tests)."""
    holder: dict[str, Repository[application.Application]] = {}

    async def on_verification(event: RecordedEvent, conn: AsyncConnection) -> None:
        await on_verification_event(event, conn, holder["applications"])

    runtime = wire(
        config,
        access=ACCESS,
        title="SafetyNet intake 一门受理",
        description="One door for every assistance programme: acceptance, first inquiry, referral,"
        " active discovery and the green channel (INT-1 … INT-10).",
        routers=[
            api.router,
            handin_api.router,
            decisions_api.router,
            referrals_api.router,
            urgent_api.router,
            urgent_reads.router,
            work_api.router,
        ],
        migrations=MIGRATIONS,
        register_events=[register_all_events],
        projections=[ApplicationsView(), DeadlinesView()],
        subscriptions=[
            Subscription("intake.verification", ("verification",), on_verification),
            Subscription("intake.payments", ("payments",), on_payments_event),
        ],
    )
    state = runtime.app.state
    chosen = policy or IntakePolicy()
    book = CalendarBook.over(SERVICE, chosen.calendar)
    state.policy = replace(chosen, calendar=book)
    mount_calendar(runtime, book)
    state.applications = holder["applications"] = Repository(
        runtime.store, runtime.registry, application.Application
    )
    state.hand_ins = Repository(runtime.store, runtime.registry, handed_in.HandedIn)
    state.referrals = Repository(runtime.store, runtime.registry, referral.Referral)
    state.urgent_cases = Repository(runtime.store, runtime.registry, urgent.UrgentCase)
    state.deadline_watcher = DeadlineWatcher(
        runtime.engine, state.referrals, state.urgent_cases, state.clock, state.policy
    )
    runtime.loops.append(state.deadline_watcher.run)
    return runtime


def register_all_events(registry: EventRegistry) -> None:
    """Register every event type intake writes."""
    application.register_events(registry)
    referral.register_events(registry)
    urgent.register_events(registry)
    handed_in.register_events(registry)
    registry.register_all(duplicates.HouseholdConflictFlagged)
    register_calendar_events(SERVICE, registry)
