"""Schemathesis against one service in process: its own database, its own event loop thread.

The app is called through httpx's ASGI transport on an anyio portal, so the engine's connections
live on one loop for the whole module; schemathesis only generates the cases and validates the
answers. Generation is bounded and derandomised (`SETTINGS`), so a run is repeatable.
"""

from __future__ import annotations

import copy
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import schemathesis
from anyio.from_thread import BlockingPortal, start_blocking_portal
from schemathesis.checks import not_a_server_error
from schemathesis.generation.case import Case
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from sqlalchemy.engine import make_url

from services.embedded import drop_database, ensure_database
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime

Build = Callable[[ServiceConfig], ServiceRuntime]
BASE_URL = "http://testserver"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
CONFIG = {
    "seed": 20261127,
    "generation": {"mode": "positive", "max-examples": 10, "deterministic": True},
    # examples and fuzzing only: the coverage phase's case count is not bounded by max-examples
    "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
}
NO_CONTROL_CHARACTERS = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"
ROLE, DIVISION = "province_officer", "62"  # the widest view: the whole province


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
    )


def _keys() -> tuple[bytes, bytes]:
    folder = Path(tempfile.mkdtemp(prefix="contract-keys-"))
    return ensure_dev_keypair(folder / "k.pem", folder / "k.pub")


def schema_of(service: str, build: Build) -> Any:
    """The service's published OpenAPI document, loaded for schemathesis (no database needed)."""
    _, public = _keys()
    runtime = build(_config(service, "postgresql+asyncpg://u@127.0.0.1:1/none", public))
    config = schemathesis.config.SchemathesisConfig.from_dict(CONFIG)
    document = _without_control_characters(copy.deepcopy(runtime.app.openapi()))
    return schemathesis.openapi.from_dict(document, config=config)


def _without_control_characters(node: Any) -> Any:
    """Every free string refuses control characters (the input guard's 422, documented on every
    operation): generate none, so that the cases get past the guard to the routes."""
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"pattern", "enum", "const", "format"} & set(node):
            node["pattern"] = NO_CONTROL_CHARACTERS
        for value in node.values():
            _without_control_characters(value)
    elif isinstance(node, list):
        for value in node:
            _without_control_characters(value)
    return node


@dataclass
class Served:
    """A service served in process on its own loop thread, with a wide-view bearer token."""

    runtime: ServiceRuntime
    portal: BlockingPortal
    client: httpx.AsyncClient
    token: str
    signer: TokenSigner | None = None
    """Mints tokens for other roles and divisions (the same key as `token`)."""

    def call_and_validate(self, case: Case) -> httpx.Response:
        """Send the case (our token, a fresh Idempotency-Key if it has none) and run CHECKS."""
        headers = {"Authorization": f"Bearer {self.token}"}
        if case.headers is None or "Idempotency-Key" not in case.headers:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        kwargs = case.as_transport_kwargs(base_url=BASE_URL, headers=headers)
        response = self.portal.call(lambda: self.client.request(**_httpx_kwargs(kwargs)))
        case.validate_response(response, checks=CHECKS)
        return response


def _httpx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """requests-style keyword arguments (what schemathesis serialises) as httpx's."""
    out = {k: kwargs[k] for k in ("method", "url", "headers", "params", "json", "files")
           if kwargs.get(k) is not None}  # fmt: skip
    data = kwargs.get("data")
    if isinstance(data, (bytes, str)):
        out["content"] = data
    elif data is not None:
        out["data"] = data
    if kwargs.get("cookies"):
        out["cookies"] = kwargs["cookies"]
    return out


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
            yield Served(runtime, portal, client, token, signer)
        finally:
            portal.call(client.aclose)
            portal.call(runtime.engine.dispose)
            portal.call(drop_database, server_url, name)
