"""The walks a county bureau takes through the public APIs, for any county and programme:
submit at the one door, verify and approve, fund and run the month's payments."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import httpx

from shared.identity import check_char
from tests.e2e.services import RunningServices
from tests.support import eventually


@dataclass(frozen=True)
class County:
    """A county of the test, with the township and village its cases come from."""

    code: str  # six digits, GB/T 2260

    @property
    def township(self) -> str:
        return f"{self.code}001"

    @property
    def village(self) -> str:
        return f"{self.code}001001"

    def resident(self, sequence: int, born: str = "19600101") -> str:
        """A valid resident ID registered in the county (sequence 001-899: answered promptly)."""
        first17 = f"{self.code}{born}{sequence:03d}"
        return first17 + check_char(first17)


class Clerk:
    """One role of one division, on one service of the running stack."""

    def __init__(
        self,
        stack: RunningServices,
        client: httpx.AsyncClient,
        service: str,
        role: str,
        division: str,
    ) -> None:
        self.client, self.base = client, stack.urls[service]
        self.auth = stack.auth(role, division)

    async def get(self, path: str) -> httpx.Response:
        return await self.client.get(f"{self.base}{path}", headers=self.auth)

    async def send(
        self, method: str, path: str, body: dict[str, Any], etag: str | None = None
    ) -> httpx.Response:
        """A change with a fresh Idempotency-Key, and If-Match when an ETag is given."""
        headers = {**self.auth, "Idempotency-Key": str(uuid.uuid4())}
        if etag:
            headers["If-Match"] = etag
        return await self.client.request(method, f"{self.base}{path}", json=body, headers=headers)

    async def post(
        self, path: str, body: dict[str, Any], etag: str | None = None
    ) -> httpx.Response:
        return await self.send("POST", path, body, etag)


async def answered(clerk: Clerk, path: str, status: int = 200) -> bool:
    """True once the path answers the status (False while a process restarts)."""
    try:
        return (await clerk.get(path)).status_code == status
    except httpx.TransportError:
        return False


async def submitted(
    stack: RunningServices,
    client: httpx.AsyncClient,
    county: County,
    body: dict[str, Any],
) -> str:
    """An application submitted by the county's township officer; its id."""
    township = Clerk(stack, client, "intake", "township_officer", county.township)
    created = await township.post("/v1/applications", body)
    assert created.status_code == 201, created.text
    return str(created.json()["application_id"])


async def approved(
    stack: RunningServices,
    client: httpx.AsyncClient,
    county: County,
    case_id: str,
    programme: str,
    decision: dict[str, Any],
    visit: dict[str, Any] | None = None,
) -> None:
    """A case taken by the township and the county through verification to approval; `visit`
    adds to the township's home visit (e.g. the members' self-care assessment)."""
    township = Clerk(stack, client, "verification", "township_officer", county.township)
    officer = Clerk(stack, client, "verification", "county_officer", county.code)
    case = f"/v1/cases/{case_id}/programmes/{programme}"
    await eventually(lambda: answered(township, case), timeout=60, message="no case opened")

    async def step(clerk: Clerk, name: str, body: dict[str, Any], stage: str) -> None:
        etag = (await clerk.get(case)).headers["ETag"]
        answer = await clerk.post(f"{case}/{name}", body, etag=etag)
        assert answer.status_code == 200, answer.text
        assert answer.json()["stage"] == stage, answer.text

    await step(township, "economic-verification", {}, "investigation")
    await step(township, "investigation", {"staff": ["王明", "李华"], "visited_on": stack.day(-8),
               "findings": "情况属实", **(visit or {})}, "township_review")  # fmt: skip
    await step(township, "proposal", {"proposed_monthly_amount_fen": 60_000,
               "review_opinion": "拟同意"}, "proposed")  # fmt: skip
    batch = await officer.post(
        "/v1/batches",
        {"township_code": county.township, "cases": [{"case_id": case_id, "programme": programme}]},
    )
    assert batch.status_code == 201, batch.text
    visited = await officer.post(
        f"/v1/batches/{batch.json()['batch_id']}/spot-checks",
        {"case_id": case_id, "programme": programme, "visited_by": ["赵", "钱"],
         "visited_on": stack.day(-7), "findings": "与申报一致"},
        etag=batch.headers["ETag"],
    )  # fmt: skip
    assert visited.status_code == 200, visited.text
    await step(township, "notice", {"village_code": county.village}, "notice")
    await step(officer, "decision", decision, "approved")


async def funded(payments: Clerk, county: County, programme: str, amount_fen: int) -> None:
    """County money allocated and arrived for a programme."""
    movement = {"county_code": county.code, "programme": programme, "source": "county",
                "amount_fen": amount_fen, "reason": "县级配套资金"}  # fmt: skip
    account = await payments.get(f"/v1/funds/{county.code}/{programme}")
    etag = account.headers.get("ETag") if account.status_code == 200 else None
    allocated = await payments.post("/v1/funds/allocations", movement, etag=etag)
    assert allocated.status_code == 201, allocated.text
    arrived = await payments.post("/v1/funds/arrivals", movement, etag=allocated.headers["ETag"])
    assert arrived.status_code == 201, arrived.text


async def completed_run(payments: Clerk, county: County, period: str) -> dict[str, Any]:
    """The county's run of a period, started and waited for until reconciled."""
    started = await payments.post(
        "/v1/runs", {"county_code": county.code, "period": period, "reason": f"{period}月度发放"}
    )
    assert started.status_code == 201, started.text
    run = f"/v1/runs/{started.json()['run_id']}"

    async def completed() -> bool:
        answer = await payments.get(run)
        return answer.status_code == 200 and answer.json()["status"] == "completed"

    await eventually(completed, timeout=60, message=f"the {period} run never completed")
    return dict((await payments.get(run)).json())


class Agency:
    """A partner department's clerk deciding on intake, with a token naming the clerk."""

    def __init__(
        self, stack: RunningServices, client: httpx.AsyncClient, county: County, role: str
    ) -> None:
        self.client, self.base, self.role = client, stack.urls["intake"], role
        token = stack.signer.mint(
            f"e2e-{role}-{county.code}",
            role,
            county.code,
            f"{county.code}{role}",
            subject=f"{role}-07",
        )
        self.auth = {"Authorization": f"Bearer {token}"}

    async def etag(self, case_id: str) -> str:
        """The application's current ETag, as the agency reads it (once the view has it)."""
        url = f"{self.base}/v1/applications/{case_id}"

        async def readable() -> bool:
            return (await self.client.get(url, headers=self.auth)).status_code == 200

        await eventually(readable, timeout=30, message="the application never became readable")
        return str((await self.client.get(url, headers=self.auth)).headers["ETag"])

    async def decide(self, case_id: str, programme: str, body: dict[str, Any]) -> httpx.Response:
        """POST the decision with the ETag just read; read again after a 412 (the view lagged
        behind the last decision)."""
        url = f"{self.base}/v1/applications/{case_id}/programmes/{programme}/decision"
        answers: list[httpx.Response] = []

        async def sent() -> bool:
            headers = {**self.auth, "Idempotency-Key": str(uuid.uuid4())}
            headers["If-Match"] = await self.etag(case_id)
            answers.append(await self.client.post(url, json=body, headers=headers))
            return answers[-1].status_code != 412

        await eventually(sent, timeout=30, message=f"{self.role} never got past a stale ETag")
        return answers[-1]


async def monthly_figure(
    stack: RunningServices, client: httpx.AsyncClient, county: str, metric: str, expected: int
) -> None:
    """Wait until the province's statistics of this month (SUP-8) show the county's figure,
    summed over its programmes."""
    province = Clerk(stack, client, "supervision", "province_officer", "620000")
    path = f"/v1/reports/statistics?period={stack.period(0)}&division={county}"

    async def shown() -> bool:
        answer = await province.get(path)
        rows = answer.json()["rows"] if answer.status_code == 200 else []
        return sum(row[metric] for row in rows if row["county_code"] == county) == expected

    await eventually(shown, timeout=60, message=f"{county}: {metric} never reached {expected}")
