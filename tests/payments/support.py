"""Test support for payments: an in-process service on the real database and its fixtures."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import httpx

from payments.adapters.bank import BankClient
from services.simulators import bank as bank_simulator
from shared.clock import CHINA, ManualClock, current_period, today
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.http.tokens import TokenSigner
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig, ServiceRuntime
from tests.support import division_of, first_day, months_from

COUNTY = "620102"  # 兰州市城关区
TOWNSHIP = "620102001"
# The instant the in-process service stands at: the periods and dates of the payments tests
# (standards from ten months before, runs for the months around it) are reckoned against it.
NOW = datetime(2026, 11, 29, 10, 0, tzinfo=CHINA)


def pinned_clock() -> ManualClock:
    """A fresh clock standing at NOW (the service's own is `Payments.clock`)."""
    return ManualClock(NOW)


TODAY = today(pinned_clock())
PERIOD = current_period(pinned_clock())  # the month the service stands in
SINCE = first_day(months_from(PERIOD, -10))  # standards and enrolments in force from (Jan 2026)
REVIEW_DUE = first_day(months_from(PERIOD, 2))  # an enrolled household's next review (Jan 2027)


def config(database_url: str, public_key: bytes, bank_url: str = "http://bank") -> ServiceConfig:
    """A payments configuration on a test database (no broker needed in process)."""
    return ServiceConfig(
        service="payments",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public_key,
        jwt_issuer="test",
        jwt_audience="safetynet",
        bank_url=bank_url,
        clock=pinned_clock(),
    )


@dataclass
class Payments:
    """The in-process payments service, a signer and the bank simulator it pays through."""

    runtime: ServiceRuntime
    signer: TokenSigner

    @property
    def clock(self) -> ManualClock:
        """The service's pinned clock."""
        clock = self.runtime.app.state.clock
        assert isinstance(clock, ManualClock)
        return clock

    def client(self) -> httpx.AsyncClient:
        """An HTTP client on the app."""
        transport = httpx.ASGITransport(app=self.runtime.app)
        return httpx.AsyncClient(transport=transport, base_url="http://payments")

    def headers(self, role: str = "county_officer", division: str | None = None) -> dict[str, str]:
        """Bearer token (by default for the division `role` stands at over COUNTY) and a fresh
        Idempotency-Key."""
        division = division or division_of(role, COUNTY)
        token = self.signer.mint(f"client-{role}-{division}", role, division, "民政")
        return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}

    async def consume(self, group: str, event: RecordedEvent) -> None:
        """Deliver an event to a subscription's handler in one transaction, as the consumer does."""
        async with self.runtime.engine.begin() as conn:
            await self.runtime.handlers[group](event, conn)

    async def settle_projections(self) -> None:
        """Catch every projection up."""
        await self.runtime.projections.catch_up_all()


def in_process_bank() -> BankClient:
    """A bank client talking to a fresh simulator in process."""
    bank_simulator.bank.reset()
    return BankClient("http://bank", transport=httpx.ASGITransport(app=bank_simulator.app))


def foreign_event(event_type: str, data: dict[str, Any], case_id: str | None) -> RecordedEvent:
    """An event as another service would publish it (read by payments as JSON only)."""
    now = NOW
    actor = Actor("officer-1", "county_officer", "城关区民政局", COUNTY)
    return RecordedEvent(
        event_id=uuid.uuid4(),
        type=event_type,
        schema_version=1,
        stream_id=f"case-{case_id}",
        stream_version=1,
        position=1,
        occurred_at=now,
        recorded_at=now,
        data=data,
        metadata=EventMetadata(actor, "api:test", "县级审批", str(uuid.uuid4()), None, case_id),
        prev_hash="0" * 64,
        hash="0" * 64,
    )


def county_decision(event_type: str, case_id: str, **data: Any) -> RecordedEvent:
    """A verification decision about the case's urban dibao (suspended, resumed, adjusted …),
    every field its contract names given in `data`."""
    fields = {"case_id": case_id, "programme": "urban_dibao", **data}
    return foreign_event(event_type, fields, case_id)


APPLICANT, SPOUSE = "11010519491231002X", "620102195803040011"


def approved(
    case_id: str,
    *,
    size: int = 3,
    income: int = 100_000,
    account: str | None = "6228480012345678901",
    programme: str = "urban_dibao",
    effective_from: str = SINCE,
    amount: int = 0,
    holder: str | None = None,
) -> RecordedEvent:
    """verification.CaseApproved v1 as the contract describes it (`holder`: the resident ID of
    the account's holder, where the application named one)."""
    members = [
        {"resident_id": APPLICANT, "name": "张桂兰", "relation": "self"},
        *({"resident_id": "", "name": f"成员{i}", "relation": "child"} for i in range(size - 1)),
    ]
    if holder is not None:  # the holder is the spouse, in the first child's place
        members[1] = {"resident_id": SPOUSE, "name": "李建国", "relation": "spouse"}
    return foreign_event(
        "verification.CaseApproved",
        {
            "case_id": case_id, "programme": programme, "division_code": TOWNSHIP,
            "county_code": COUNTY, "registration": "urban", "household_size": size,
            "members": members, "assessed_monthly_income_fen": income,
            "approved_monthly_amount_fen": amount, "rural_class": None,
            "effective_from": effective_from, "next_review_due": REVIEW_DUE,
            "bank_account": account, "bank_account_holder_resident_id": holder,
        },
        case_id,
    )  # fmt: skip


async def fund(
    payments: Payments, client: httpx.AsyncClient, amount_fen: int, programme: str = "urban_dibao"
) -> None:
    """Allocate and receive provincial money for the county's programme."""
    for kind in ("allocations", "arrivals"):
        stream = f"funds-{COUNTY}:{programme}"
        version = await payments.runtime.store.stream_version(stream)
        if_match = {"If-Match": f'"{version}"'} if version else {}
        answer = await client.post(
            f"/v1/funds/{kind}",
            json={"county_code": COUNTY, "programme": programme, "source": "provincial",
                  "amount_fen": amount_fen, "document_ref": "甘财社〔2026〕1号",
                  "reason": "省级资金"},
            headers={**payments.headers(), **if_match},
        )  # fmt: skip
        assert answer.status_code == 201, answer.text
