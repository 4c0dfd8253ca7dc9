"""Shared test helpers for verification: resident IDs, applications, the wired service."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import httpx

from shared.clock import CHINA, ManualClock, today
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.http.tokens import TokenSigner
from shared.identity import check_char
from tests.support import days_from

TOWNSHIP = "620102001"
VILLAGE = "620102001001"
COUNTY = "620102"
# The instant the `verifying` fixture's clock is pinned at (a Monday): every date the tests send
# or expect is reckoned from it.
PINNED = datetime(2026, 11, 23, 10, 0, tzinfo=CHINA)
TODAY = today(ManualClock(PINNED))


def resident(sequence: str, birth: str = "19600101", area: str = "620102") -> str:
    """A valid resident ID whose sequence code (characters 15–17) picks a simulator behaviour."""
    first17 = f"{area}{birth}{sequence}"
    return first17 + check_char(first17)


def application(case_id: str, resident_ids: list[str], **changes: Any) -> dict[str, Any]:
    """intake.ApplicationSubmitted data (the cross-service contract)."""
    data: dict[str, Any] = {
        "application_id": case_id,
        "division_code": VILLAGE,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [
            {
                "resident_id": rid,
                "name": f"成员{i}",
                "relation": "self" if i == 0 else "child",
                "disability_grade": None,
                "health": "高血压",
                "work": None,
                "schooling": None,
            }
            for i, rid in enumerate(resident_ids)
        ],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 100_000,
        "authorisation": {
            "signed_by_resident_id": resident_ids[0],
            "signed_on": days_from(TODAY, -3),
            "document_ref": "授权-1",
        },
        "channel": "counter",
        "bank_account": "6222020200112233445",
    }
    return {**data, **changes}


def submitted(data: dict[str, Any], occurred_at: datetime | None = None) -> RecordedEvent:
    """A recorded intake.ApplicationSubmitted as the consumer would hand it over."""
    return recorded("intake.ApplicationSubmitted", data, data["application_id"], occurred_at)


def recorded(
    type_name: str, data: dict[str, Any], case_id: str, occurred_at: datetime | None = None
) -> RecordedEvent:
    """Another service's event as the consumer would hand it over."""
    at = occurred_at or PINNED
    return RecordedEvent(
        event_id=uuid.uuid4(),
        type=type_name,
        schema_version=1,
        stream_id=f"other-{case_id}",
        stream_version=1,
        position=1,
        occurred_at=at,
        recorded_at=at,
        data=data,
        metadata=EventMetadata(
            Actor("officer-1", "township_officer", "街道", TOWNSHIP),
            "api:other",
            "受理",
            None,
            None,
            case_id,
        ),
        prev_hash="",
        hash="",
    )


class Api:
    """An HTTP client for one role and division, sending Idempotency-Key on every POST."""

    def __init__(self, client: httpx.AsyncClient, signer: TokenSigner, role: str, division: str):
        self.client = client
        self.token = signer.mint(f"c-{role}-{division}", role, division, "测试机构")

    def headers(self, if_match: int | None = None, key: str | None = None) -> dict[str, str]:
        """Bearer token, a fresh idempotency key and If-Match when given."""
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Idempotency-Key": key or str(uuid.uuid4()),
        }
        if if_match is not None:
            headers["If-Match"] = f'"{if_match}"'
        return headers

    async def get(self, path: str) -> httpx.Response:
        """GET with the bearer token."""
        return await self.client.get(path, headers=self.headers())

    async def post(
        self, path: str, body: dict[str, Any], if_match: int | None = None, key: str | None = None
    ) -> httpx.Response:
        """POST with a fresh Idempotency-Key (or the given one) and If-Match."""
        return await self.client.post(path, json=body, headers=self.headers(if_match, key))

    async def step(
        self, case_id: str, step: str, body: dict[str, Any], programme: str = "urban_dibao"
    ) -> httpx.Response:
        """Read the case's ETag, then POST the step with it."""
        path = f"/v1/cases/{case_id}/programmes/{programme}"
        current = await self.get(path)
        assert current.status_code == 200, current.text
        version = int(current.headers["ETag"].strip('"'))
        return await self.post(f"{path}/{step}", body, if_match=version)


INVESTIGATION = {
    "staff": ["王明", "李华"],
    "visited_on": days_from(TODAY, -1),
    "findings": "家中无劳动力，住房简陋",
}
PROPOSAL = {"proposed_monthly_amount_fen": 60_000, "review_opinion": "符合城市低保条件，拟保"}


async def propose(township: Api, case_id: str, programme: str = "urban_dibao") -> None:
    """Take an opened case through economic verification, investigation and the proposal."""
    for step, body in (
        ("economic-verification", {}),
        ("investigation", INVESTIGATION),
        ("proposal", PROPOSAL),
    ):
        answer = await township.step(case_id, step, body, programme)
        assert answer.status_code == 200, answer.text
