"""The one place supervision is wired."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncConnection

from shared.application.repository import Repository
from shared.eventstore.envelope import RecordedEvent
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import Handler, ServiceConfig, ServiceRuntime, Subscription, every, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events
from supervision import notice_rest
from supervision.access import ACCESS
from supervision.application.complaints import ComplaintPolicy, flag_overdue
from supervision.application.digest import seal_digest_now
from supervision.application.files import Files
from supervision.application.store_check import StoreCheck, check_stores
from supervision.application.webhook_dispatch import Dispatcher
from supervision.application.webhooks import WebhookSettings
from supervision.detectors import detector_handler
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
ALL_SERVICES = ("intake", "verification", "payments", "supervision")
log = logging.getLogger(__name__)


class _Detectors:
    """The detectors' consumer handler, bound to the store once the runtime exists."""

    def __init__(self) -> None:
        self._handler: Handler | None = None

    def bind(self, runtime: ServiceRuntime) -> None:
        self._handler = detector_handler(runtime.store, runtime.registry)

    async def handle(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        assert self._handler is not None, "detectors used before bind()"
        await self._handler(event, conn)


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire supervision for the given configuration."""
    detectors = _Detectors()
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
            digest.register_events,
            complaint.register_events,
            alerts.register_events,
            inspection.register_events,
            institution.register_events,
            coordination.register_events,
            capacity.register_events,
            subscription.register_events,
            notice_rest.register_events,
            lambda registry: register_calendar_events(SERVICE, registry),
        ],
        projections=[
            ComplaintsView(),
            AlertsView(),
            RectificationsView(),
            HazardsView(),
            SubscriptionsView(),
        ],
        subscriptions=[
            Subscription("supervision.audit", ALL_SERVICES, AUDIT_TRAIL),
            Subscription("supervision.detectors", ALL_SERVICES, detectors.handle),
            # the public view only: webhooks leave the platform (ADR 0036)
            Subscription(
                "supervision.webhooks", ALL_SERVICES, queue_handler(config.clock), public=True
            ),
        ],
    )
    detectors.bind(runtime)
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
