"""The one place payments is wired."""

from __future__ import annotations

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
from payments.reactions.pipeline import track_case
from payments.reactions.standards import StandardReactions
from shared.http.event_schemas import mount as mount_event_schemas
from shared.runtime import ServiceConfig, ServiceRuntime, Subscription, wire

SERVICE = "payments"
DEFAULT_BANK_URL = "http://127.0.0.1:8012"


def build(config: ServiceConfig) -> ServiceRuntime:
    """Wire payments for the given configuration."""
    reactions, raises = DecisionReactions(), StandardReactions()
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
        subscriptions=[
            Subscription("payments.pipeline", ("intake", "verification"), track_case),
            Subscription(
                "payments.decisions", ("intake", "verification", "supervision"), reactions
            ),
            Subscription("payments.standards", ("payments",), raises),
        ],
    )
    repos = Repositories.of(runtime.store, runtime.registry)
    reactions.bind(repos)
    raises.bind(repos, runtime.projections)
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
