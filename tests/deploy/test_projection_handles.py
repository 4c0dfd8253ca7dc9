"""Every projection declares the event types it handles (issue #17), and each is a type its service
really registers: a misspelt name would leave the read model silently behind."""

from __future__ import annotations

import pytest

from services.composition import offline_runtimes
from services.settings import SERVICES
from shared.projections.runner import Projection
from shared.runtime import ServiceRuntime
from verification.projections.cases import CASE_EVENTS, CasesView


@pytest.fixture(scope="module")
def runtimes() -> dict[str, ServiceRuntime]:
    """Each service wired by its bootstrap with a config that connects nowhere."""
    return offline_runtimes()


def _projections(runtime: ServiceRuntime) -> list[Projection]:
    return list(runtime.projections.projections.values())


@pytest.mark.req("GEN-1")
@pytest.mark.parametrize("service", SERVICES)
def test_each_projection_handles_types_its_service_registers(
    runtimes: dict[str, ServiceRuntime], service: str
) -> None:
    # given the service's projections and its event registry
    runtime = runtimes[service]
    registered = set(runtime.registry.type_names)
    projections = _projections(runtime)
    assert projections, f"{service} wires no projection"
    # when each declaration is compared with the registry
    empty = [p.name for p in projections if not p.handles]
    unknown = {p.name: sorted(p.handles - registered) for p in projections}
    # then none is empty and every type named is registered
    assert empty == []
    assert {name: types for name, types in unknown.items() if types} == {}


def test_the_cases_view_handles_exactly_the_events_about_a_case() -> None:
    # every event about a case moves its row's version (the ETag), so the view handles them all;
    # an event that sets a column or stage must be one of them
    assert CasesView().handles == CASE_EVENTS
    assert "verification.CaseOpened" in CASE_EVENTS
