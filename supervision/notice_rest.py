"""Wiring of SUP-10 and SUP-11: policy numbers, implementation reports, the funds check."""

from __future__ import annotations

from shared.application.repository import Repository
from shared.eventstore.registry import EventRegistry
from shared.runtime import ServiceRuntime, every
from supervision.application.files import Files
from supervision.application.policies import PolicyData
from supervision.detectors.funds import scheduled_check
from supervision.domain import implementation, policy_book
from supervision.entrypoints.care_report_api import router as care_router
from supervision.entrypoints.implementation_api import router as implementation_router
from supervision.entrypoints.policy_api import router as policy_router

ROUTERS = (care_router, implementation_router, policy_router)


def register_events(registry: EventRegistry) -> None:
    """Register the events of SUP-10 and SUP-11."""
    policy_book.register_events(registry)
    implementation.register_events(registry)


def mount(runtime: ServiceRuntime, interval_s: float) -> None:
    """Repositories on app.state and the scheduled funds check (`state.check_funds` runs one)."""
    state, store, registry = runtime.app.state, runtime.store, runtime.registry
    state.policies = PolicyData(store, registry)
    state.implementation_files = Files(
        Repository(store, registry, implementation.ImplementationFile)
    )

    async def check() -> int:
        return await scheduled_check(runtime.engine, store, registry, state.clock, state.policies)

    state.check_funds = check
    runtime.loops.append(every(interval_s, check, "funds arrival check"))
