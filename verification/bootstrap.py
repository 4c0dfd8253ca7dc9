"""The one place verification is wired."""

from __future__ import annotations

from dataclasses import replace

from shared.application.repository import Repository
from shared.contracts import On, Reactions
from shared.contracts.intake import (
    ApplicationAmended,
    ApplicationSubmitted,
    ApplicationWithdrawn,
    PriorAssistanceGranted,
    StaffRelativeDeclared,
)
from shared.contracts.payments import EntitlementCalculated
from shared.contracts.supervision import CorrectiveActionOrdered
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, wire
from shared.workcalendar.api import mount as mount_calendar
from shared.workcalendar.book import CalendarBook
from shared.workcalendar.year import register_calendar_events
from verification import subscriptions
from verification.access import ACCESS
from verification.adapters.partner_data import PartnerDataClient
from verification.application.care_register import CareRegister
from verification.application.service import Policy, Verification
from verification.domain.case import VerificationCase
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
from verification.reactions.amended import Amendments
from verification.reactions.amounts import note_amount
from verification.reactions.deadlines import deadline_watcher
from verification.reactions.green_channel import GreenChannel
from verification.reactions.open_case import CaseOpening
from verification.reactions.orders import SupervisionOrders
from verification.reactions.staff_relatives import DeclaredRelatives
from verification.reactions.withdrawn import Withdrawals

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
    )
    if partner is None and config.partner_data_url:
        partner = PartnerDataClient(
            config.partner_data_url,
            timeout_s=config.partner_timeout_s,
        )
    verification = Verification(
        runtime.store, runtime.registry, partner, config.clock, policy or configured_policy(config)
    )
    subscribe_reactions(runtime, verification.cases)
    book = CalendarBook.over(SERVICE, verification.policy.calendar)
    verification.policy = replace(verification.policy, calendar=book)
    mount_calendar(runtime, book)
    mount_event_schemas(runtime)
    runtime.app.state.verification = verification
    runtime.app.state.care_register = CareRegister(runtime.store, runtime.registry, config.clock)
    runtime.loops.append(deadline_watcher(verification, runtime.engine, config.watcher_interval_s))
    return runtime


def subscribe_reactions(runtime: ServiceRuntime, cases: Repository[VerificationCase]) -> None:
    """Verification's consumer groups: what it does with intake's applications, supervision's
    orders and the amounts payments computes, each event read through its producer's contract."""
    runtime.subscribe(
        subscriptions.APPLICATIONS,
        Reactions(
            On(ApplicationSubmitted, CaseOpening(cases).open_cases),
            On(PriorAssistanceGranted, GreenChannel(cases).note_prior_assistance),
            On(ApplicationWithdrawn, Withdrawals(cases).close_undecided),
            On(ApplicationAmended, Amendments(cases).apply),
            On(StaffRelativeDeclared, DeclaredRelatives(cases).note),
        ),
    )
    runtime.subscribe(
        subscriptions.ORDERS,
        Reactions(On(CorrectiveActionOrdered, SupervisionOrders(cases).carry_out)),
    )
    runtime.subscribe(subscriptions.AMOUNTS, Reactions(On(EntitlementCalculated, note_amount)))
