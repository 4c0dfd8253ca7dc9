"""`python -m services event-schemas`: docs/events/<service>/ from each service's registry.

One generator for the four services (`shared.eventstore.contracts`): what a service registers is
what its relay publishes, so its registry is its contract. A test fails when the files drift.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from services.composition import offline_runtimes
from services.settings import PROJECT_ROOT
from shared.contracts.generate import render as render_contracts
from shared.eventstore.contracts import registry_schemas, write

EVENTS = PROJECT_ROOT / "docs" / "events"


def every_service_schemas() -> dict[str, dict[str, dict[str, Any]]]:
    """Service → file name → schema, from the services wired as their bootstraps wire them."""
    return {name: registry_schemas(rt.registry) for name, rt in offline_runtimes().items()}


def write_all() -> list[Path]:
    """Rewrite docs/events/<service>/ for the four services."""
    written = []
    for service, schemas in every_service_schemas().items():
        written += write(EVENTS / service, schemas)
    return written


CONTRACTS = PROJECT_ROOT / "shared" / "contracts"


def every_service_contracts() -> dict[Path, str]:
    """shared/contracts/<service>.py → its text, from the services' registries."""
    return {
        CONTRACTS / f"{name}.py": render_contracts(name, rt.registry)
        for name, rt in offline_runtimes().items()
    }


def write_contracts(directory: Path = CONTRACTS) -> list[Path]:
    """Write the typed contracts of the four services' events, sorted and formatted by ruff with
    the project's settings (the freshness test writes them elsewhere and compares)."""
    written = []
    for path, text in every_service_contracts().items():
        target = directory / path.name
        target.write_text(text, encoding="utf-8")
        written.append(target)
    config = ("--config", str(PROJECT_ROOT / "pyproject.toml"))
    names = [str(path) for path in written]
    ruff = (sys.executable, "-m", "ruff")
    subprocess.run([*ruff, "check", "--fix", "--select", "I", *config, *names], check=True)
    subprocess.run([*ruff, "format", *config, *names], check=True, capture_output=True)
    return written
