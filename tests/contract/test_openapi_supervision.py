"""supervision: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from services.embedded import EmbeddedBroker, EmbeddedPostgres
from supervision.bootstrap import build
from tests.contract.support import Served, schema_of, serving

schema = schema_of("supervision", build)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """supervision on a fresh database for the whole module."""
    with serving("supervision", build, embedded_postgres.server_url, broker.bootstrap_servers) as s:
        yield s


@schema.parametrize()
def test_supervision_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation,
    when supervision answers them,
    then none is a server error; each status, media type, body and header is as documented."""
    served.call_and_validate(case)
