"""The one place supervision is wired."""

from __future__ import annotations

import logging
import secrets

from shared.application.repository import Repository
from shared.eventstore.registry import EventRegistry
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, every, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events
from supervision import notice_rest, subscriptions
from supervision.access import ACCESS
from supervision.application.complaints import ComplaintPolicy, flag_overdue
from supervision.application.digest import seal_digest_now
from supervision.application.files import Files
from supervision.application.store_check import StoreCheck, check_stores
from supervision.application.webhook_dispatch import Dispatcher
from supervision.application.webhooks import WebhookSettings
from supervision.detectors import Detectors
from supervision.domain import (
    alerts,
    capacity,
    complaint,
    coordination,
    digest,
    inspection,
    institution,
    subscription,
)
from supervision.entrypoints.alert_actions_api import router as alert_actions_router
from supervision.entrypoints.alerts_api import router as alerts_router
from supervision.entrypoints.api import router
from supervision.entrypoints.capacity_api import router as capacity_router
from supervision.entrypoints.complaints_api import router as complaints_router
from supervision.entrypoints.coordination_api import router as coordination_router
from supervision.entrypoints.digest_api import router as digest_router
from supervision.entrypoints.inspections_api import router as inspections_router
from supervision.entrypoints.reports_api import router as reports_router
from supervision.entrypoints.safety_api import router as safety_router
from supervision.entrypoints.subscriptions_api import router as subscriptions_router
from supervision.migrations import MIGRATIONS
from supervision.projections.alerts import AlertsView
from supervision.projections.complaints import ComplaintsView
from supervision.projections.hazards import HazardsView
from supervision.projections.rectifications import RectificationsView
from supervision.projections.subscriptions import SubscriptionsView
from supervision.reactions.audit_trail import AUDIT_TRAIL
from supervision.reactions.webhooks import queue_handler

SERVICE = "supervision"
log = logging.getLogger(__name__)


def register_own_events(registry: EventRegistry) -> None:
    """Register every event type of supervision's own domain (the calendar's come apart)."""
    for register in (
        digest.register_events,
        complaint.register_events,
        alerts.register_events,
        inspection.register_events,
        institution.register_events,
        coordination.register_events,
        capacity.register_events,
        subscription.register_events,
        notice_rest.register_events,
    ):
        register(registry)


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire supervision for the given configuration."""
    runtime = wire(
        config,
        access=ACCESS,
        title="SafetyNet supervision 监督检查",
        description="Case audit trails across all services, complaints, irregularity detectors,"
        " inspections, institution safety and reports (SUP-1 … SUP-9).",
        routers=[
            router,
            digest_router,
            complaints_router,
            alerts_router,
            alert_actions_router,
            reports_router,
            inspections_router,
            safety_router,
            coordination_router,
            capacity_router,
            subscriptions_router,
            *notice_rest.ROUTERS,
        ],
        migrations=MIGRATIONS,
        register_events=[
            register_own_events,
            lambda registry: register_calendar_events(SERVICE, registry),
        ],
        projections=[
            ComplaintsView(),
            AlertsView(),
            RectificationsView(),
            HazardsView(),
            SubscriptionsView(),
        ],
    )
    # the detectors' keys of resident IDs and accounts: keyed pseudonyms (None: one per process)
    runtime.app.state.detector_key = config.pseudonym_key or secrets.token_bytes(32)
    _consumers(runtime, config)
    state = runtime.app.state
    book = CalendarBook(SERVICE)
    state.complaint_policy = ComplaintPolicy(calendar=book)
    mount_calendar(runtime, book)
    mount_event_schemas(runtime)
    _repositories(runtime)
    notice_rest.mount(runtime, config.deadline_interval_s)

    async def seal() -> None:
        await seal_digest_now(
            runtime.engine, runtime.store, runtime.registry, state.clock, "定期封存留痕摘要"
        )

    async def overdue() -> None:
        await flag_overdue(runtime.engine, state.complaints, state.clock)

    async def stores() -> StoreCheck:
        return await check_stores(
            runtime.engine, runtime.store, runtime.registry, config.source_database_urls
        )

    state.check_stores = stores  # one iteration of the scheduled store check (GEN-5)
    runtime.loops.append(every(config.digest_interval_s, seal, "digest"))
    runtime.loops.append(every(config.store_check_interval_s, stores, "supervision store check"))
    runtime.loops.append(every(config.deadline_interval_s, overdue, "complaint deadlines"))
    _webhooks(runtime, config)
    return runtime


def _consumers(runtime: ServiceRuntime, config: ServiceConfig) -> None:
    """Supervision's consumer groups over every service's events, built from the wired parts."""
    runtime.subscribe(subscriptions.AUDIT, AUDIT_TRAIL)
    detectors = Detectors(runtime.store, runtime.registry, runtime.app.state.detector_key)
    runtime.subscribe(subscriptions.DETECTORS, detectors.reactions())
    # the public view only: webhooks leave the platform (ADR 0036)
    webhooks = queue_handler(config.clock)
    runtime.subscribe(subscriptions.WEBHOOKS, webhooks)


def _webhooks(runtime: ServiceRuntime, config: ServiceConfig) -> None:
    """The webhook settings for the routes and the dispatcher loop (ADR 0036)."""
    settings = config.webhooks if isinstance(config.webhooks, WebhookSettings) else None
    settings = settings or WebhookSettings()
    runtime.app.state.webhook_settings = settings
    dispatcher = Dispatcher(runtime.engine, config.clock, settings)
    runtime.loops.append(every(settings.dispatch_interval_s, dispatcher.dispatch_due, "webhooks"))


def _repositories(runtime: ServiceRuntime) -> None:
    """Each aggregate's repository on app.state, where the routes find it."""
    state, store, registry = runtime.app.state, runtime.store, runtime.registry
    state.complaints = Repository(store, registry, complaint.Complaint)
    state.inspections = Repository(store, registry, inspection.Inspection)
    state.institutions = Repository(store, registry, institution.Institution)
    state.division_files = Files(Repository(store, registry, coordination.DivisionFile))
    state.capacity_files = Files(Repository(store, registry, capacity.CapacityFile))
    state.subscriptions = Repository(store, registry, subscription.WebhookSubscription)
