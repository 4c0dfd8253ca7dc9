"""`python -m services event-schemas`: docs/events/<service>/ from each service's registry.

One generator for the four services (`shared.eventstore.contracts`): what a service registers is
what its relay publishes, so its registry is its contract. A test fails when the files drift.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from services.composition import offline_runtimes
from services.settings import PROJECT_ROOT
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
