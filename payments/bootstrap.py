"""The one place payments is wired."""

from __future__ import annotations

from payments import subscriptions
from payments.access import ACCESS
from payments.adapters.bank import BankClient
from payments.application.context import Repositories
from payments.application.executor import RunExecutor
from payments.domain.events import register_events
from payments.entrypoints import (
    api,
    api_bank_files,
    api_beneficiaries,
    api_disasters,
    api_funds,
    api_paid_by_partner,
    api_prices,
    api_relief_goods,
    api_runs,
    api_standards,
    api_tasks,
)
from payments.entrypoints.loops import run_loop
from payments.migrations import MIGRATIONS
from payments.projections.beneficiaries import BeneficiariesView
from payments.projections.funds import FundsView
from payments.projections.paid_by_partner import PaidByPartnerView
from payments.projections.payments import PaymentsView
from payments.projections.standards import StandardsView
from payments.reactions.decisions import DecisionReactions
from payments.reactions.pipeline import track_decision, track_submission, track_verification
from payments.reactions.standards import StandardReactions
from shared.contracts import On, Reactions
from shared.contracts.intake import (
    ApplicationSubmitted,
    PriorAssistanceGranted,
    ProgrammeDecidedByAgency,
)
from shared.contracts.payments import StandardSet
from shared.contracts.supervision import CorrectiveActionOrdered
from shared.contracts.verification import (
    BenefitAdjusted,
    BenefitResumed,
    BenefitSuspended,
    BenefitTerminated,
    CaseApproved,
    CaseOpened,
    CaseRejected,
    CaseWithdrawn,
    ChildAllowanceAssessed,
    ChildAllowanceEnded,
)
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, wire

SERVICE = "payments"
DEFAULT_BANK_URL = "http://127.0.0.1:8012"


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire payments for the given configuration."""
    runtime = wire(
        config,
        access=ACCESS,
        title="SafetyNet payments 资金发放",
        description="Standards, entitlements, monthly payment runs, price linkage, disaster relief"
        " and funds (PAY-1 … PAY-8), relief goods (PAY-10).",
        routers=[
            api.router,
            api_standards.router,
            api_beneficiaries.router,
            api_runs.router,
            api_bank_files.router,
            api_funds.router,
            api_paid_by_partner.router,
            api_prices.router,
            api_disasters.router,
            api_relief_goods.router,
            api_tasks.router,
        ],
        migrations=MIGRATIONS,
        register_events=[register_events],
        projections=[
            StandardsView(),
            BeneficiariesView(),
            PaymentsView(),
            FundsView(),
            PaidByPartnerView(),
        ],
    )
    repos = Repositories.of(runtime.store, runtime.registry)
    _subscribe(runtime, repos)
    executor = RunExecutor(
        runtime.engine,
        runtime.store,
        runtime.registry,
        runtime.projections,
        BankClient(config.bank_url or DEFAULT_BANK_URL),
        partitions=config.payment_run_partitions,
    )
    runtime.loops.append(run_loop(executor))
    runtime.app.state.repositories = repos
    runtime.app.state.projections = runtime.projections
    runtime.app.state.executor = executor
    mount_event_schemas(runtime)
    return runtime


def _subscribe(runtime: ServiceRuntime, repos: Repositories) -> None:
    """The consumer groups: cases on their way to a decision (PAY-7); the decisions payments
    acts on (PAY-2, PAY-3, PAY-8, PAY-9); its own standards, recomputing entitlements (PAY-4)."""
    runtime.subscribe(
        subscriptions.PIPELINE,
        Reactions(
            On(ApplicationSubmitted, track_submission),
            On(CaseOpened, track_verification),
            On(CaseApproved, track_decision),
            On(CaseRejected, track_decision),
            On(CaseWithdrawn, track_decision),
        ),
    )
    decisions = DecisionReactions(repos)
    runtime.subscribe(
        subscriptions.DECISIONS,
        Reactions(
            On(PriorAssistanceGranted, decisions.pay_prior_assistance),
            On(ProgrammeDecidedByAgency, decisions.agency_decided),
            On(CaseApproved, decisions.enrol),
            On(BenefitAdjusted, decisions.adjust),
            On(BenefitSuspended, decisions.suspend),
            On(BenefitResumed, decisions.resume),
            On(BenefitTerminated, decisions.terminate),
            On(ChildAllowanceAssessed, decisions.child_allowance_assessed),
            On(ChildAllowanceEnded, decisions.child_allowance_ended),
            On(CorrectiveActionOrdered, decisions.correct),
        ),
    )
    standards = StandardReactions(repos, runtime.projections)
    runtime.subscribe(subscriptions.STANDARDS, Reactions(On(StandardSet, standards.recompute)))
