"""One way to do each job (issue #17, ADRs 0043, 0049): a read of the tree finds one projection
dispatch, consumer groups wired one way, and consumed events read through typed contracts."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from services.composition import every_subscription, offline_runtimes
from services.settings import PROJECT_ROOT, SERVICES
from shared.contracts import Reactions
from shared.messaging.delivery import SetBasedHandler
from shared.projections.runner import Projection

# Supervision's audit trail and webhook queue take every event of every service whole (ADR 0049).
GENERIC_CONSUMERS = {"supervision.audit", "supervision.webhooks"}
# Where consumers live: what a consumer group reacts with, and the application steps it calls.
CONSUMER_PACKAGES = ("reactions", "detectors")


def _modules(*folders: str) -> list[Path]:
    return sorted(
        path
        for service in SERVICES
        for folder in folders
        for path in (PROJECT_ROOT / service / folder).glob("*.py")
        if path.name != "__init__.py" or path.stat().st_size
    )


def _projections() -> list[Projection]:
    return [
        projection
        for runtime in offline_runtimes().values()
        for projection in runtime.projections.projections.values()
    ]


@pytest.mark.req("GEN-1")
def test_every_projection_dispatches_by_its_handlers_table_alone() -> None:
    # a projection declares `handlers`; it never overrides the dispatch or declares types apart
    for projection in _projections():
        cls = type(projection)
        assert projection.handlers, cls.__name__
        assert not {"handle", "handles"} & set(vars(cls)), cls.__name__


def test_every_consumer_group_is_typed_reactions_or_a_generic_whole_event_consumer() -> None:
    for runtime in offline_runtimes().values():
        for group, handler in runtime.handlers.items():
            if group in GENERIC_CONSUMERS:
                assert isinstance(handler, SetBasedHandler), group
            else:
                assert isinstance(handler, Reactions), group
                assert handler.handles, group


def test_every_consumer_group_wired_is_declared_in_its_service_subscriptions() -> None:
    # a relay learns its readers from the declarations (ADR 0052): a group wired but not
    # declared would be missing from them, and its unread events lost after a broker loss
    declared = every_subscription()
    for service, runtime in offline_runtimes().items():
        wired = {(c.group_id, tuple(c.topics)) for c in runtime.consumers}
        assert wired == {(s.group, tuple(s.topics())) for s in declared[service]}, service
        assert all(s.group.startswith(f"{service}.") for s in declared[service]), service


def _lookups_on_data(path: Path) -> list[str]:
    """`data["…"]`, `event.data["…"]` and `data.get("…")` in a module: untyped reads."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            target = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value if node.func.attr == "get" else None
        named_data = (isinstance(target, ast.Name) and target.id == "data") or (
            isinstance(target, ast.Attribute) and target.attr == "data"
        )
        if named_data:
            found.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    return found


def test_consumers_read_events_through_typed_contracts_not_by_key() -> None:
    generic = {"audit_trail.py", "webhooks.py"}  # the whole-event consumers above
    modules = [p for p in _modules(*CONSUMER_PACKAGES) if p.name not in generic]
    assert modules
    assert [hit for path in modules for hit in _lookups_on_data(path)] == []


@pytest.mark.parametrize("service", SERVICES)
def test_a_bootstrap_builds_its_consumers_from_wired_parts(service: str) -> None:
    text = (PROJECT_ROOT / service / "bootstrap.py").read_text(encoding="utf-8")
    for late_binding in (".bind(", "holder", "Subscription("):
        assert late_binding not in text, f"{service}/bootstrap.py: {late_binding}"
