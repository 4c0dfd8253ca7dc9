"""Schemathesis against one service in process: its own database, served by uvicorn on loopback.

The service runs on one anyio portal (one event loop thread) for the whole module: uvicorn
serves it on a loopback port, so schemathesis sends real HTTP the way any client (or prober)
does, and the checks that send requests of their own (`ignored_auth` drops the token and sends
again) reach the same server. The in-process `client` (httpx over ASGI, same loop) is for tests
that also read the service's database.

Every built-in check runs, on positive and negative data, in the examples, coverage and
fuzzing phases; generation is bounded and derandomised (`CONFIG`), so a run is repeatable. What
JSON Schema cannot state is named per operation (`schema_of`'s rules, `_operation_settings`);
where a generator cannot play the client's part, `Served.call_and_validate` plays it (ADR 0035).
"""

from __future__ import annotations

import hashlib
import re
import socket
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import schemathesis
import uvicorn
from anyio.from_thread import BlockingPortal, start_blocking_portal
from hypothesis import strategies as st
from schemathesis.generation.case import Case
from sqlalchemy.engine import make_url

from services.embedded import drop_database, ensure_database
from shared.clock import CHINA, ManualClock
from shared.http.access import AccessTable
from shared.http.tokens import ROLES, TokenSigner, ensure_dev_keypair
from shared.identity import (
    RESIDENT_ID_FORMAT,
    RESIDENT_ID_PATTERN,
    InvalidResidentId,
    check_char,
    divisions,
    validate_resident_id,
)
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.support import eventually, headers_unlike_the_document

Build = Callable[[ServiceConfig], ServiceRuntime]
BASE_URL = "http://testserver"
CONFIG: dict[str, Any] = {
    "seed": 20261127,
    # positive and negative data; every check is enabled by default (none is listed here).
    # The bearer token is ours (`Served.token`), not drawn: `ignored_auth` sends each operation
    # again without it and with a forged one, and expects 401.
    "generation": {
        "mode": "all",
        "max-examples": 5,
        "deterministic": True,
        "with-security-parameters": False,
    },
    # examples, coverage and fuzzing; the stateful phase needs a recorder the pytest
    # integration does not keep (`use_after_free`, `ensure_resource_availability`)
    "phases": {"stateful": {"enabled": False}},
}
POSITIVE_DATA_ANSWERS = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
"""What `positive_data_acceptance` accepts by default (a 5xx is `not_a_server_error`'s)."""
MISSING_HEADER_ANSWERS = ["400", "401", "403", "406", "415", "422"]
"""What `missing_required_header` accepts by default."""
KERNEL_RULES = {
    "PUT /v1/calendar/years/{year}": "every holiday and make-up workday lies in the path's year",
}
"""Rules beyond JSON Schema of the operations every service has (see `schema_of`)."""
CLOCK_START = datetime(2027, 3, 10, 9, 30, tzinfo=CHINA)
"""The service's clock stands where every end-to-end stack starts (tests/e2e/services.py): the
documents' examples are written for that day, and no result depends on the machine's date."""
IDEMPOTENCY_KEY = "Idempotency-Key"
IF_MATCH = "If-Match"
ETAG = re.compile('"[0-9]{1,18}"')
WELL_FORMED_KEY = re.compile("[!-~]([ -~]{0,198}[!-~])?")  # as the document states it
ROLE, DIVISION = "province_officer", "62"  # the widest view: the whole province
LADDER = ("province_officer", "city_officer", "county_officer", "township_officer",
          "village_committee")  # fmt: skip
HOME_DIVISIONS = {"city_officer": "6201", "county_officer": "620102",
                  "township_officer": "620102001", "village_committee": "620102001001"}  # fmt: skip
"""Where each local-government role below the province works (兰州市城关区 and below); every
other role works for the whole province."""


def _resident_ids() -> st.SearchStrategy[str]:
    """GB 11643 resident IDs: a county's address code, a birth date, a sequence number and the
    check character (the documented `format`, which no pattern can state)."""
    counties = [d.code for d in divisions() if d.level == "county"]

    def resident_id(region: str, born: date, sequence: int) -> str:
        first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
        return first17 + check_char(first17)

    births = st.dates(date(1930, 1, 1), date(2020, 12, 31))
    return st.builds(resident_id, st.sampled_from(counties), births, st.integers(0, 999))


schemathesis.openapi.format(RESIDENT_ID_FORMAT, _resident_ids())


@schemathesis.check
def declared_response_headers(ctx: Any, response: Any, case: Case) -> bool | None:
    """ETag, Location and Retry-After are carried only where the document declares them (the
    built-in `response_headers_conformance` checks that each it requires is there)."""
    document = case.operation.schema.raw_schema
    operation = document["paths"][case.operation.path].get(case.method.lower(), {})
    if str(response.status_code) not in operation.get("responses", {}):
        return None  # an undeclared method or status is the built-in checks' to report
    found = headers_unlike_the_document(
        document, case.method, case.operation.path, response.status_code, response.headers
    )
    undocumented = sorted(name for name, how in found.items() if how == "undocumented")
    assert not undocumented, f"{case.operation.label} {response.status_code}: {undocumented}"
    return True


def _config(
    service: str, database_url: str, public_key: bytes, bootstrap: str = "127.0.0.1:1"
) -> ServiceConfig:
    return ServiceConfig(
        service=service,
        database_url=database_url,
        kafka=KafkaConfig(bootstrap, False, "test"),
        token_public_key_pem=public_key,
        jwt_issuer="test",
        jwt_audience="safetynet",
        clock=ManualClock(CLOCK_START),
    )


def _keys() -> tuple[bytes, bytes]:
    folder = Path(tempfile.mkdtemp(prefix="contract-keys-"))
    return ensure_dev_keypair(folder / "k.pem", folder / "k.pub")


def schema_of(service: str, build: Build, rules: Mapping[str, str] | None = None) -> Any:
    """The service's published OpenAPI document, loaded for schemathesis (no database needed).

    `rules`: operation ("POST /v1/…") → the rule beyond what JSON Schema can state (a cross-field
    rule, a form set by policy data) for which it refuses some valid data with 422.
    """
    _, public = _keys()
    runtime = build(_config(service, "postgresql+asyncpg://u@127.0.0.1:1/none", public))
    document = runtime.app.openapi()
    names = {f"{m.upper()} {p}" for p, item in document["paths"].items() for m in item}
    stale = set(rules or {}) - names
    assert not stale, f"rules for operations {service} does not have: {stale}"
    beyond = {**KERNEL_RULES, **(rules or {})}
    operations = list(_operation_settings(document, beyond))
    config = schemathesis.config.SchemathesisConfig.from_dict({**CONFIG, "operations": operations})
    return schemathesis.openapi.from_dict(document, config=config)


def _operation_settings(
    document: dict[str, Any], beyond: Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    """Per operation, the answers to valid data that depend on what the server holds or on a rule
    JSON Schema cannot state, added to what `positive_data_acceptance` accepts (as 404 and 409
    are already):

    - 400 `invalid-cursor` where a `cursor` is read: a cursor is an opaque token that only the
      server hands out (as an id only it assigns, which is a 404), no generator can draw one;
    - 412 where `If-Match` is read: a well-formed ETag that is not the current one;
    - 428 where `If-Match` is needed only once the resource exists (`IF_MATCH_WHEN_EXISTS`);
    - 422 where `beyond` names the operation's rule.

    And where `If-Match` is required, `missing_required_header` accepts 428, the status RFC 6585
    made for exactly that (ADR 0007), and 409: RFC 9110 (13.2.1) evaluates a precondition only
    for a request that would otherwise succeed, so a state that refuses the command comes first.
    """
    for path, item in document["paths"].items():
        for method, operation in item.items():
            name = f"{method.upper()} {path}"
            parameters = {p["name"]: p for p in operation.get("parameters", [])}
            if_match = parameters.get(IF_MATCH)
            answers = ["400"] if "cursor" in parameters else []
            if if_match is not None:
                answers.append("412")
                if not if_match["required"] and "428" in operation["responses"]:
                    answers.append("428")
            if name in beyond:
                answers.append("422")
            checks: dict[str, Any] = {}
            if answers:
                accepted = [*POSITIVE_DATA_ANSWERS, *answers]
                checks["positive_data_acceptance"] = {"expected-statuses": accepted}
            if if_match is not None and if_match["required"]:
                missing = [*MISSING_HEADER_ANSWERS, "409", "428"]
                checks["missing_required_header"] = {"expected-statuses": missing}
            if checks:
                yield {"include-name": name, "checks": checks}


@dataclass
class Served:
    """A service served in process on its own loop thread; `token` has the widest view."""

    runtime: ServiceRuntime
    portal: BlockingPortal
    client: httpx.AsyncClient
    token: str
    signer: TokenSigner | None = None
    """Mints tokens for other roles and divisions (the same key as `token`)."""
    base_url: str = BASE_URL
    """Where uvicorn serves the service (loopback)."""
    tokens: dict[str, str] = field(default_factory=dict)
    """One token per role, minted when first needed."""

    def call_and_validate(self, case: Case) -> None:
        """Send the case over HTTP as a role the operation admits and run every enabled check."""
        _fresh_idempotency_key(case)
        _without_unwritable_etag(case)
        _integers_as_integers(case)
        _real_resident_ids(case)
        token = self.token_for(case.method, case.operation.path)
        case.call_and_validate(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"})

    def token_for(self, method: str, path: str) -> str:
        """A token of the widest role the access table admits to the operation, in its own
        division (the province for a province-wide role), so that cases reach the route."""
        table: AccessTable = self.runtime.app.state.access
        rule = table.rule(method, path)
        roles = sorted(rule.roles if rule else (), key=_breadth)
        role = roles[0] if roles else ROLE
        if role not in self.tokens:
            assert self.signer is not None
            division = HOME_DIVISIONS.get(role, DIVISION)
            self.tokens[role] = self.signer.mint(f"contract-{role}", role, division, "测试单位")
        return self.tokens[role]


def _breadth(role: str) -> int:
    """Local-government roles from the province down first, then the others in table order."""
    return LADDER.index(role) if role in LADDER else len(LADDER) + ROLES.index(role)


def _fresh_idempotency_key(case: Case) -> None:
    """A well-formed generated Idempotency-Key becomes a fresh UUID, as a client's would be.

    The key names one command: a client never reuses it for another body (that is the 422
    `idempotency-key-reused`), but a generator draws short keys ("0") again and again. A missing
    or malformed key (negative data) is sent as generated.
    """
    key = (case.headers or {}).get(IDEMPOTENCY_KEY)
    if isinstance(key, str) and WELL_FORMED_KEY.fullmatch(key):
        case.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())


def _integers_as_integers(case: Case) -> None:
    """In a case labelled positive, an integer the generator wrote as 951.0 is written 951.

    JSON Schema's `integer` takes 951.0 and cannot say otherwise; the API takes JSON integers
    only (GEN-8: money and counts are strict, `1.0` is a 422 naming the field).
    """
    if case.meta is not None and case.meta.generation.mode.is_positive and _has_float(case.body):
        case.body = _without_integral_floats(case.body)


def _real_resident_ids(case: Case) -> None:
    """In a case labelled positive, a value of a resident ID's documented shape that is no real
    ID becomes one: the coverage phase draws `000000000000000000` from the `pattern`, which
    cannot state the address code, birth date or check character (the `format` names them)."""
    if case.meta is not None and case.meta.generation.mode.is_positive:
        case.body = _with_real_resident_ids(case.body)


def _with_real_resident_ids(value: Any) -> Any:
    if isinstance(value, str) and _RESIDENT_ID_SHAPE.fullmatch(value):
        return value if _is_resident_id(value) else _a_resident_id(value)
    if isinstance(value, dict):
        return {key: _with_real_resident_ids(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_real_resident_ids(item) for item in value]
    return value


_RESIDENT_ID_SHAPE = re.compile(RESIDENT_ID_PATTERN)


def _is_resident_id(value: str) -> bool:
    try:
        validate_resident_id(value)
    except InvalidResidentId:
        return False
    return True


def _a_resident_id(seed: str) -> str:
    """A real resident ID, the same for the same seed, different for different ones (mostly)."""
    counties = [d.code for d in divisions() if d.level == "county"]
    number = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    born = date(1940, 1, 1) + timedelta(days=number % 25_000)
    first17 = f"{counties[number % len(counties)]}{born:%Y%m%d}{number % 1000:03d}"
    return first17 + check_char(first17)


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(item) for item in value.values())
    return isinstance(value, list) and any(_has_float(item) for item in value)


def _without_integral_floats(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer() and abs(value) <= 2**53:
        return int(value)
    if isinstance(value, dict):
        return {key: _without_integral_floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_integral_floats(item) for item in value]
    return value


def _without_unwritable_etag(case: Case) -> None:
    """An optional If-Match that is not an ETag is left out of a case labelled positive.

    schemathesis' coverage phase writes header values from `[A-Za-z0-9]` only, so it cannot
    write an ETag (`"3"`, quotes included); for an optional If-Match it sends `If-Match: 0` in
    cases it still labels positive, which the API rightly refuses (400 `invalid-if-match`).
    Without the header the case is as positive as labelled.
    """
    value = (case.headers or {}).get(IF_MATCH)
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    if positive and isinstance(value, str) and not ETAG.fullmatch(value):
        del case.headers[IF_MATCH]


@contextmanager
def serving(service: str, build: Build, server_url: str, bootstrap: str) -> Iterator[Served]:
    """The service on a fresh database, migrated, until the block ends (then dropped); the
    broker at `bootstrap` only answers /readyz (nothing is relayed or consumed)."""
    private, public = _keys()
    name = f"contract_{uuid.uuid4().hex[:12]}"
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    with start_blocking_portal() as portal:
        portal.call(ensure_database, server_url, name)
        runtime = build(_config(service, url, public, bootstrap))
        portal.call(runtime.migrate)
        transport = httpx.ASGITransport(app=runtime.app)
        client = httpx.AsyncClient(transport=transport, base_url=BASE_URL, timeout=30)
        signer = TokenSigner(private, "test", "safetynet")
        token = signer.mint(f"contract-{service}", ROLE, DIVISION, "省民政厅")
        try:
            with _uvicorn(runtime, portal) as base_url:
                yield Served(runtime, portal, client, token, signer, base_url)
        finally:
            portal.call(client.aclose)
            portal.call(runtime.engine.dispose)
            portal.call(drop_database, server_url, name)


@contextmanager
def _uvicorn(runtime: ServiceRuntime, portal: BlockingPortal) -> Iterator[str]:
    """uvicorn serving the app on a free loopback port, on the portal's loop; yields its URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(runtime.app, log_config=None, access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    serving_task = portal.start_task_soon(server.serve, [listener])
    try:
        portal.call(lambda: eventually(lambda: server.started, timeout=10, message="uvicorn"))
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        serving_task.result(timeout=10)
        listener.close()
