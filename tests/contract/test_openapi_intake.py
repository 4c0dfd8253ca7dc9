"""intake: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from intake.bootstrap import build
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from tests.contract.support import Served, schema_of, serving

RULES = {
    "POST /v1/applications": "the authorisation was signed within the year before today (the "
    "service's clock): a window that moves with the clock",
    "POST /v1/visit-campaigns/{campaign_id}/visits": "a visit belongs to its campaign: its group "
    "is one the campaign plans, its day lies in the campaign's period and not after today, and it "
    "arranges at most one application (all stored state, not the request's shape)",
}
"""Rules JSON Schema cannot state, for which valid data may be refused with 422."""
schema = schema_of("intake", build, RULES)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """intake on a fresh database for the whole module."""
    with serving("intake", build, embedded_postgres.server_url, broker.bootstrap_servers) as s:
        yield s


@schema.parametrize()
def test_intake_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation, valid and invalid, sent as a role it admits,
    when intake answers them,
    then every schemathesis check holds: no server error; each status, media type, body and
    header as documented; valid data accepted, invalid data and missing headers refused;
    undeclared methods 405 with `Allow`; no answer without a valid token."""
    served.call_and_validate(case)
