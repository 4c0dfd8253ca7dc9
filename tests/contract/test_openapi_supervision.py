"""supervision: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from services.embedded import EmbeddedBroker, EmbeddedPostgres
from supervision.bootstrap import build
from tests.contract.support import Served, schema_of, serving

RULES = {
    "POST /v1/complaints": "a named (not anonymous) complaint states its complainant",
    "POST /v1/complaints/{complaint_id}/corrective-actions": "suspending a benefit or recovering "
    "money names the programme",
    "POST /v1/implementation-reports": "the period is a half year or a year as the policy in "
    "force says (REPORT_PERIOD, policy data), and has ended on the service clock",
    "GET /v1/implementation-reports": "the period is a half year or a year as the policy in "
    "force says (REPORT_PERIOD, policy data)",
    "POST /v1/coordination/{county_code}/{year}/mechanism": "the filing complies with the "
    "notice: civil affairs leads and every required member department is listed",
    "POST /v1/coordination/{county_code}/{year}/policy-tasks": "the task is one of the year's "
    "dated policy tasks, not the filing task the mechanism reports itself",
    "POST /v1/subscriptions": "the callback URL is https (plain http only to the hosts the "
    "settings allow), carries no credentials or fragment, and does not name a loopback, private "
    "or other non-public address (ADR 0036)",
}
"""Rules JSON Schema cannot state, for which valid data may be refused with 422."""
schema = schema_of("supervision", build, RULES)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """supervision on a fresh database for the whole module."""
    with serving("supervision", build, embedded_postgres.server_url, broker.bootstrap_servers) as s:
        yield s


@schema.parametrize()
def test_supervision_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation, valid and invalid, sent as a role it admits,
    when supervision answers them,
    then every schemathesis check holds: no server error; each status, media type, body and
    header as documented; valid data accepted, invalid data and missing headers refused;
    undeclared methods 405 with `Allow`; no answer without a valid token."""
    served.call_and_validate(case)
