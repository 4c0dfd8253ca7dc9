"""intake: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from intake.bootstrap import build
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from tests.contract.support import Served, schema_of, serving

schema = schema_of("intake", build)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """intake on a fresh database for the whole module."""
    with serving("intake", build, embedded_postgres.server_url, broker.bootstrap_servers) as s:
        yield s


@schema.parametrize()
def test_intake_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation,
    when intake answers them,
    then none is a server error; each status, media type, body and header is as documented."""
    served.call_and_validate(case)
