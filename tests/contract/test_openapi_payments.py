"""payments: its OpenAPI proven by schemathesis against the service in process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from schemathesis.generation.case import Case

from payments.bootstrap import build
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.contract.support import Served, schema_of, serving
from tests.payments.support import in_process_bank


def build_with_bank(config: ServiceConfig) -> ServiceRuntime:
    """Payments paying through the bank simulator in process, as its own tests do."""
    runtime = build(config)
    runtime.app.state.executor.bank = in_process_bank()
    return runtime


RULES = {
    "POST /v1/funds/arrivals": "no more arrives from a source than it allocated (the account)",
    "POST /v1/runs": "a run pays last month at the earliest and next month at the latest",
}
"""Rules JSON Schema cannot state, for which valid data may be refused with 422."""
schema = schema_of("payments", build_with_bank, RULES)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """payments on a fresh database for the whole module."""
    with serving(
        "payments", build_with_bank, embedded_postgres.server_url, broker.bootstrap_servers
    ) as s:
        yield s


@schema.parametrize()
def test_payments_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation, valid and invalid, sent as a role it admits,
    when payments answers them,
    then every schemathesis check holds: no server error; each status, media type, body and
    header as documented; valid data accepted, invalid data and missing headers refused;
    undeclared methods 405 with `Allow`; no answer without a valid token."""
    served.call_and_validate(case)
