"""The benchmarks are code the suite does not run: it imports every module of bench/, and checks
that the bench's projection is one the runner accepts, so a kernel change cannot leave them broken
until someone measures."""

from __future__ import annotations

import importlib

import pytest

from services.settings import PROJECT_ROOT
from shared.projections.runner import ProjectionRunner

MODULES = sorted(p.stem for p in (PROJECT_ROOT / "bench").glob("*.py") if p.stem != "__init__")


@pytest.mark.parametrize("module", MODULES)
def test_every_bench_module_imports(module: str) -> None:
    assert importlib.import_module(f"bench.{module}").__name__ == f"bench.{module}"


def test_the_bench_projection_is_accepted_by_the_runner() -> None:
    from bench.projection import StreamHeads

    runner = ProjectionRunner(None, None, [StreamHeads()])  # type: ignore[arg-type]
    assert set(runner.projections) == {StreamHeads.name}
