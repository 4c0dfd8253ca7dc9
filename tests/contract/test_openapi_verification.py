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


RULES = {
    "POST /v1/children": "the child is under 18 on the service's day (the birth date in the "
    "resident ID against the clock), and a guardian is named unless nobody looks after the child",
    "POST /v1/extreme-poverty-inclusions": "the person screened is named once per county and "
    "the supporter's details fit its kind (rules over several fields)",
    "POST /v1/migrations": "the body is a caseload file whose header names the columns of "
    "docs/migration.md (a CSV or XLSX layout, ADR 0037)",
    "POST /v1/life-events": "each death lies between the birth date in the resident ID and the "
    "service's day",
    "POST /v1/cases/{case_id}/programmes/{programme}/investigation": "the visit is dated on or "
    "before the service's day",
    "POST /v1/cases/{case_id}/programmes/{programme}/appraisal": "the appraisal is dated on or "
    "before the service's day",
    "POST /v1/batches/{batch_id}/spot-checks": "the visit is dated on or before the service's day",
}
"""Rules JSON Schema cannot state, for which valid data may be refused with 422."""
schema = schema_of("verification", build_with_simulator, RULES)


@pytest.fixture(scope="module")
def served(embedded_postgres: EmbeddedPostgres, broker: EmbeddedBroker) -> Iterator[Served]:
    """verification on a fresh database for the whole module."""
    with serving(
        "verification", build_with_simulator, embedded_postgres.server_url, broker.bootstrap_servers
    ) as s:
        yield s


@schema.parametrize()
def test_verification_answers_as_its_openapi_says(case: Case, served: Served) -> None:
    """Given generated requests for an operation, valid and invalid, sent as a role it admits,
    when verification answers them,
    then every schemathesis check holds: no server error; each status, media type, body and
    header as documented; valid data accepted, invalid data and missing headers refused;
    undeclared methods 405 with `Allow`; no answer without a valid token."""
    served.call_and_validate(case)
