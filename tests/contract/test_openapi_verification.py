"""verification: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from services.embedded import EmbeddedBroker, EmbeddedPostgres
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.contract.support import Served, schema_of, serving
from tests.verification.conftest import make_partner
from verification.bootstrap import build


def build_with_simulator(config: ServiceConfig) -> ServiceRuntime:
    """Verification asking the partner-data simulator in process, as its own tests do."""
    return build(config, partner=make_partner())


schema = schema_of("verification", build_with_simulator)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """verification on a fresh database for the whole module."""
    with serving(
        "verification", build_with_simulator, embedded_postgres.server_url, broker.bootstrap_servers
    ) as s:
        yield s


@schema.parametrize()
def test_verification_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation,
    when verification answers them,
    then none is a server error; each status, media type, body and header is as documented."""
    served.call_and_validate(case)
