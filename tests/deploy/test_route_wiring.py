"""Routes name what they need as Annotated parameters (`shared/http/wiring.py`, issue #17): no
module reads `request.app.state` but the kernel's HTTP plumbing, and every dependency is a
coroutine (issue #19)."""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from services.composition import offline_runtimes
from services.settings import PROJECT_ROOT, SERVICES

# the kernel's plumbing: the dependencies that hand the wired parts (and the token verifier) to
# routes, the idempotency helper every command answers through, and the problem handlers, which
# FastAPI calls with the request alone
READERS_OF_STATE = {
    "shared/http/wiring.py",
    "shared/http/auth.py",
    "shared/http/access.py",
    "shared/http/idempotency.py",
    "shared/http/problems.py",
}


def reads_app_state(path: Path) -> list[int]:
    """The lines where the module reads `<something>.app.state`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "state"
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "app"
        and isinstance(node.value.value, ast.Name)
        and node.value.value.id == "request"
    )


@pytest.mark.parametrize("package", ["shared", *SERVICES])
def test_no_route_module_reads_request_app_state(package: str) -> None:
    offenders = [
        f"{relative}:{lines}"
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        if (relative := str(path.relative_to(PROJECT_ROOT))) not in READERS_OF_STATE
        and (lines := reads_app_state(path))
    ]
    assert offenders == [], "take the part as an Annotated parameter (shared/http/wiring.py)"


def test_the_check_finds_a_read_of_the_app_state(tmp_path: Path) -> None:
    module = tmp_path / "route.py"
    module.write_text("def f(request):\n    return request.app.state.engine\n")
    assert reads_app_state(module) == [2]


def _routes(routes: Iterable[BaseRoute]) -> Iterator[APIRoute]:
    """Every API route, inside the routers included into the app too."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        elif (included := getattr(route, "original_router", None)) is not None:
            yield from _routes(included.routes)


def _sync_calls(dependant: Dependant) -> Iterator[str]:
    for dependency in dependant.dependencies:
        call = dependency.call
        if call is not None and not _is_coroutine(call):
            yield f"{call.__module__}.{getattr(call, '__qualname__', type(call).__qualname__)}"
        yield from _sync_calls(dependency)


def _is_coroutine(call: object) -> bool:
    """A coroutine function, or an object whose `__call__` is one (FastAPI's security schemes)."""
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(type(call).__call__)


@pytest.mark.req("GEN-6")
def test_no_route_runs_a_dependency_in_a_worker_thread() -> None:
    # given every route of the four services, wired as their bootstraps wire them
    routes = [
        (service, route)
        for service, runtime in offline_runtimes().items()
        for route in _routes(runtime.app.routes)
    ]
    assert len(routes) > 100

    # then every dependency and every endpoint is a coroutine: FastAPI runs a plain function in
    # a worker thread, a thread hop per dependency per request (intake ran at 327 req/s with the
    # wired parts as plain functions, 574 as coroutines)
    sync = {
        f"{service} {call}"
        for service, route in routes
        for call in [
            *_sync_calls(route.dependant),
            *([] if _is_coroutine(route.endpoint) else [route.endpoint.__qualname__]),
        ]
    }
    assert sync == set()
