"""Routes name what they need as Annotated parameters (`shared/http/wiring.py`, issue #17): no
module reads `request.app.state` but the kernel's HTTP plumbing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

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
