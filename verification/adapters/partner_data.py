"""HTTP client of the partner data sources: timeouts, retries with back-off, circuit breakers."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from shared.http.outbound import tls_context
from shared.jsontext import parse_json
from shared.privacy import mask_resident_id

log = logging.getLogger(__name__)


@dataclass
class CircuitBreaker:
    """Opens after `threshold` consecutive failures; lets one trial call through after `reset_s`."""

    threshold: int = 5
    reset_s: float = 30.0
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    opened_at: float | None = None

    def allows(self) -> bool:
        """True when a call may be tried now."""
        if self.opened_at is None:
            return True
        return self.clock() - self.opened_at >= self.reset_s

    def succeeded(self) -> None:
        """Close the circuit."""
        self.failures, self.opened_at = 0, None

    def failed(self) -> None:
        """Count a failure; open (or re-open) the circuit at the threshold."""
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = self.clock()


@dataclass(frozen=True)
class Answer:
    """What a source said about one resident."""

    source: str
    resident_id: str
    monthly_income_fen: int
    assets_fen: int
    deceased: bool
    reference: str


@dataclass(frozen=True)
class Failure:
    """A source that did not answer usefully."""

    source: str
    resident_id: str
    error: str
    attempts: int


@dataclass
class PartnerDataClient:
    """Queries one source about one resident, never raising: an Answer or a Failure."""

    base_url: str
    timeout_s: float = 1.0
    attempts: int = 2
    backoff_s: float = 0.1
    transport: httpx.AsyncBaseTransport | None = None
    breakers: dict[str, CircuitBreaker] = field(default_factory=dict)

    def breaker(self, source: str) -> CircuitBreaker:
        """The circuit breaker of one source."""
        return self.breakers.setdefault(source, CircuitBreaker())

    async def query(
        self,
        source: str,
        resident_id: str,
        authorisation_ref: str,
        client: httpx.AsyncClient | None = None,
    ) -> Answer | Failure:
        """Ask with retries and back-off; after the last attempt return a Failure, never raise."""
        breaker, error = self.breaker(source), "not tried"
        for attempt in range(1, self.attempts + 1):
            if not breaker.allows():
                return Failure(source, resident_id, "circuit open", attempt - 1)
            try:
                answer = await asyncio.wait_for(
                    self._get(source, resident_id, authorisation_ref, client), self.timeout_s
                )
            except (TimeoutError, httpx.HTTPError, ValueError, KeyError, TypeError) as problem:
                breaker.failed()
                error = f"{type(problem).__name__}: {problem}"[:200] or type(problem).__name__
                log.warning(
                    "partner source failed",
                    extra={
                        "source": source,
                        "resident": mask_resident_id(resident_id),
                        "attempt": attempt,
                        "error": error,
                    },
                )
                await asyncio.sleep(self.backoff_s * 2 ** (attempt - 1))
                continue
            breaker.succeeded()
            return answer
        return Failure(source, resident_id, error, self.attempts)

    async def query_all(
        self, pairs: list[tuple[str, str]], authorisation_ref: str
    ) -> list[Answer | Failure]:
        """Every (source, resident) pair, concurrently, over one connection pool."""
        async with self._client() as client:
            queries = (self.query(s, r, authorisation_ref, client) for s, r in pairs)
            return list(await asyncio.gather(*queries))

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url,
            timeout=self.timeout_s,
            transport=self.transport,
            verify=tls_context(),
        )

    async def _get(
        self,
        source: str,
        resident_id: str,
        authorisation_ref: str,
        client: httpx.AsyncClient | None,
    ) -> Answer:
        if client is None:
            async with self._client() as own:
                return await self._get(source, resident_id, authorisation_ref, own)
        response = await client.get(
            f"/v1/sources/{source}/residents/{resident_id}",
            headers={"X-Authorisation-Ref": quote(authorisation_ref)},  # may be Chinese
        )
        response.raise_for_status()
        body: dict[str, Any] = parse_json(response.content)  # ValueError, never RecursionError
        return Answer(
            source=source,
            resident_id=resident_id,
            monthly_income_fen=int(body["monthly_income_fen"]),
            assets_fen=int(body["assets_fen"]),
            deceased=bool(body["deceased"]),
            reference=str(body["reference"]),
        )
