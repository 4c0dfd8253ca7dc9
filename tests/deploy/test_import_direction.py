"""Imports point inward: the composition root (`services/`) wires the service packages and the
kernel; no service package and not the kernel imports it (issue #17), and no service imports
another service's code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from services.settings import PROJECT_ROOT, SERVICES


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a module imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ["shared", *SERVICES])
def test_a_package_imports_neither_the_composition_root_nor_another_service(
    package: str,
) -> None:
    forbidden = {"services", *SERVICES} - {package}
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}: {sorted(imported_packages(path) & forbidden)}"
        for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
        if imported_packages(path) & forbidden
    ]
    assert offenders == [], "imports against the house's direction"
