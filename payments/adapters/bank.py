"""The bank's batch API over HTTP (httpx), with timeouts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from shared.http.outbound import tls_context

TIMEOUT_S = 30.0


@dataclass(frozen=True)
class BankAnswer:
    """The bank's answer to one instruction."""

    instruction_id: str
    status: str  # paid | failed | returned
    reason: str


class BankClient:
    """Sends payment batches to the bank."""

    def __init__(
        self,
        base_url: str,
        timeout_s: float = TIMEOUT_S,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout_s = timeout_s
        self.transport = transport  # tests may talk to the simulator in process

    async def submit(self, batch_id: str, instructions: list[dict[str, Any]]) -> list[BankAnswer]:
        """Submit a batch; every answer line (duplicates included) in the bank's order."""
        async with httpx.AsyncClient(
            timeout=self.timeout_s, transport=self.transport, verify=tls_context()
        ) as client:
            response = await client.post(
                f"{self.base_url}/v1/batches",
                json={"batch_id": batch_id, "instructions": instructions},
            )
            response.raise_for_status()
        return [
            BankAnswer(str(r["instruction_id"]), str(r["status"]), str(r.get("reason") or ""))
            for r in response.json()["results"]
            if r.get("status") in ("paid", "failed", "returned")
        ]
