"""The requirement index (`make requirements`): for each requirement ID, the tests that prove it
(their `req` markers) and the modules that implement it (those whose docstring names it), so a
newcomer goes from "VER-5" to its rule and its proof in one step."""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from services.settings import PROJECT_ROOT, SERVICES

REQUIREMENT = re.compile(r"\b((?:GEN|INT|VER|PAY|SUP)-\d+)\b")
TITLE = re.compile(r"^- ((?:GEN|INT|VER|PAY|SUP)-\d+) ([^:]+):", re.MULTILINE)
REQUIREMENTS_FILE = PROJECT_ROOT.parent / "shared" / "mission" / "REQUIREMENTS.md"
CODE_PACKAGES = ("shared", *SERVICES)


@dataclass
class Requirement:
    """One requirement: its title (when the requirements file is at hand), proofs and code."""

    id: str
    title: str = ""
    tests: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)


def index(root: Path = PROJECT_ROOT) -> list[Requirement]:
    """Every requirement named by a test marker, a module docstring or the requirements file."""
    found: dict[str, Requirement] = defaultdict(lambda: Requirement(""))
    titles = dict(TITLE.findall(_text(REQUIREMENTS_FILE)))
    for requirement, title in titles.items():
        found[requirement] = Requirement(requirement, title.strip())
    for requirement, test in _proving_tests(root / "tests"):
        _entry(found, requirement).tests.append(test)
    for requirement, module in _implementing_modules(root):
        _entry(found, requirement).modules.append(module)
    return sorted(found.values(), key=lambda r: (r.id.split("-")[0], int(r.id.split("-")[1])))


def _entry(found: dict[str, Requirement], requirement: str) -> Requirement:
    if not found[requirement].id:
        found[requirement] = Requirement(requirement)
    return found[requirement]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _proving_tests(tests: Path) -> Iterator[tuple[str, str]]:
    """(requirement, test node id) for each test function with a `req` marker."""
    for path in sorted(tests.rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        whole_module = [r for n in tree.body if _names_pytestmark(n) for r in _req_ids(n)]
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
                "test"
            ):
                marked = [r for d in node.decorator_list for r in _req_ids(d)]
                for requirement in dict.fromkeys([*whole_module, *marked]):
                    yield requirement, f"{path.relative_to(tests.parent)}::{node.name}"


def _names_pytestmark(node: ast.stmt) -> bool:
    return isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets
    )


def _req_ids(node: ast.AST) -> Iterator[str]:
    """The IDs of every `….req("ID", …)` call within a decorator or a `pytestmark`."""
    for call in ast.walk(node):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "req"
        ):
            yield from (
                a.value
                for a in call.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            )


def _implementing_modules(root: Path) -> Iterator[tuple[str, str]]:
    """(requirement, module path) for each module whose docstring names the requirement."""
    for package in CODE_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
            for requirement in sorted(set(REQUIREMENT.findall(docstring))):
                yield requirement, str(path.relative_to(root))


def render(requirements: list[Requirement]) -> str:
    """The index as Markdown: one section per requirement."""
    lines = []
    for requirement in requirements:
        lines.append(f"## {requirement.id} {requirement.title}".rstrip())
        lines += [f"- code: `{m}`" for m in requirement.modules] or ["- code: (none named)"]
        lines += [f"- test: `{t}`" for t in requirement.tests] or ["- test: **none**"]
        lines.append("")
    unproven = [r.id for r in requirements if not r.tests]
    lines.append(
        f"{len(requirements)} requirements, {len(unproven)} without a test"
        + (f": {', '.join(unproven)}" if unproven else "")
    )
    return "\n".join(lines)
