"""The one place intake is wired: store, registry, repositories, projections, loops, app."""

from __future__ import annotations

import secrets
from dataclasses import replace

from intake import subscriptions
from intake.access import ACCESS
from intake.application.deadlines import DeadlineWatcher
from intake.application.visits import Outreach
from intake.domain import (
    application,
    duplicates,
    handed_in,
    outreach,
    referral,
    rough_sleepers,
    urgent,
)
from intake.entrypoints import (
    aid_points_api,
    api,
    decisions_api,
    handin_api,
    outreach_api,
    referrals_api,
    rough_sleepers_api,
    urgent_api,
    urgent_reads,
    work_api,
)
from intake.migrations import MIGRATIONS
from intake.policy import IntakePolicy
from intake.projections.applications import ApplicationsView
from intake.projections.deadlines import DeadlinesView
from intake.projections.outreach import OutreachView
from intake.projections.rough_sleepers import RoughSleepersView
from intake.reactions.decisions import DecisionReactions, benefit_terminated
from intake.reactions.standards import standard_set
from shared.application.repository import Repository
from shared.contracts import On, Reactions
from shared.contracts.payments import BeneficiaryTerminated, StandardSet
from shared.contracts.verification import BenefitTerminated, CaseApproved, CaseRejected
from shared.eventstore.registry import EventRegistry
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events

SERVICE = "intake"


def build(config: ServiceConfig, policy: IntakePolicy | None = None) -> ServiceRuntime:
    """Wire intake for the given configuration (its clock in it; policy injectable for tests)."""
    # one pseudonym key for the public topics and the API's person ids (INT-11, ADR 0029)
    pseudonym_key = config.pseudonym_key or secrets.token_bytes(32)
    config = replace(config, pseudonym_key=pseudonym_key)

    runtime = wire(
        config,
        access=ACCESS,
        title="SafetyNet intake 一门受理",
        description="One door for every assistance programme: acceptance, first inquiry, referral,"
        " active discovery, the green channel and outreach (INT-1 … INT-11).",
        routers=[
            api.router,
            handin_api.router,
            decisions_api.router,
            referrals_api.router,
            urgent_api.router,
            urgent_reads.router,
            work_api.router,
            outreach_api.router,
            aid_points_api.router,
            rough_sleepers_api.router,
        ],
        migrations=MIGRATIONS,
        register_events=[register_all_events],
        projections=[
            ApplicationsView(),
            DeadlinesView(),
            OutreachView(),
            RoughSleepersView(pseudonym_key),
        ],
    )
    state = runtime.app.state
    chosen = policy or IntakePolicy()
    book = CalendarBook.over(SERVICE, chosen.calendar)
    state.policy = replace(chosen, calendar=book)
    mount_calendar(runtime, book)
    mount_event_schemas(runtime)
    state.applications = Repository(runtime.store, runtime.registry, application.Application)
    state.hand_ins = Repository(runtime.store, runtime.registry, handed_in.HandedIn)
    state.referrals = Repository(runtime.store, runtime.registry, referral.Referral)
    state.urgent_cases = Repository(runtime.store, runtime.registry, urgent.UrgentCase)
    state.deadline_watcher = DeadlineWatcher(
        runtime.engine, state.referrals, state.urgent_cases, state.clock, state.policy
    )
    runtime.loops.append(state.deadline_watcher.run)
    _wire_outreach(runtime, pseudonym_key)
    _subscribe(runtime, state.applications)
    return runtime


def _subscribe(runtime: ServiceRuntime, applications: Repository[application.Application]) -> None:
    """The consumer groups: verification's decisions (INT-4, INT-9); payments' standards (INT-7)
    and the benefits it ended (INT-9: a one-off once paid)."""
    decisions = DecisionReactions(applications)
    runtime.subscribe(
        subscriptions.DECISIONS,
        Reactions(
            On(CaseApproved, decisions.approved),
            On(CaseRejected, decisions.rejected),
            On(BenefitTerminated, benefit_terminated),
        ),
    )
    runtime.subscribe(
        subscriptions.PAYMENTS,
        Reactions(On(StandardSet, standard_set), On(BeneficiaryTerminated, benefit_terminated)),
    )


def _wire_outreach(runtime: ServiceRuntime, pseudonym_key: bytes) -> None:
    """INT-11: campaigns and visits (with the referral and one-door repositories), aid points."""
    state = runtime.app.state
    state.outreach = Outreach(
        Repository(runtime.store, runtime.registry, outreach.VisitCampaign),
        Repository(runtime.store, runtime.registry, outreach.Visit),
        state.referrals,
        state.applications,
        state.hand_ins,
        state.urgent_cases,
    )
    state.aid_points = Repository(runtime.store, runtime.registry, rough_sleepers.AidPoint)
    state.rough_sleepers = Repository(runtime.store, runtime.registry, rough_sleepers.RoughSleeper)
    state.pseudonym_key = pseudonym_key


def register_all_events(registry: EventRegistry) -> None:
    """Register every event type intake writes."""
    application.register_events(registry)
    referral.register_events(registry)
    urgent.register_events(registry)
    handed_in.register_events(registry)
    registry.register_all(duplicates.HouseholdConflictFlagged)
    outreach.register_events(registry)
    rough_sleepers.register_events(registry)
    register_calendar_events(SERVICE, registry)
