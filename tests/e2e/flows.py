"""The walks a county bureau takes through the public APIs, for any county and programme:
submit at the one door, verify and approve, fund and run the month's payments."""

from __future__ import annotations

import importlib
import inspect
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import httpx

from clients.intake.api.applications import get_application, submit_application
from clients.intake.api.routing import decide_programme
from clients.payments.api.funds import (
    get_funds_account,
    record_funds_allocation,
    record_funds_arrival,
)
from clients.payments.api.payment_runs import get_payment_run, start_payment_run
from clients.supervision.api.reports import get_statistics_report
from clients.verification.api.cases import get_case_programme
from clients.verification.api.county import decide_case, form_batch, record_spot_check
from clients.verification.api.notices import publish_notice
from clients.verification.api.township import (
    record_investigation,
    submit_proposal,
    verify_household_economy,
)
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


@dataclass(frozen=True)
class Answer:
    """What an operation of the generated client answered, read as the tests read it."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    parsed: Any  # the generated model of the documented answer

    @property
    def text(self) -> str:
        return self.content.decode()

    def json(self) -> Any:
        return json.loads(self.content)


def operation_client(stack: RunningServices, service: str, token: str) -> Any:
    """The generated client of a service, with a bearer token; an answer the service's document
    does not list raises `UnexpectedStatus`, so every test also checks the document."""
    package = importlib.import_module(f"clients.{service}.client")
    return package.AuthenticatedClient(
        base_url=stack.urls[service],
        token=token,
        raise_on_unexpected_status=True,
        timeout=httpx.Timeout(30.0),
    )


async def call(
    client: Any, operation: ModuleType, etag: str | None = None, **arguments: Any
) -> Answer:
    """Call one operation of a generated client (`clients.<service>.api.<tag>.<operationId>`):
    a body given as a dict becomes the operation's generated model (its required fields are
    checked on the way), a fresh Idempotency-Key is sent where the operation takes one, and
    If-Match where an ETag is given."""
    parameters = inspect.signature(operation.asyncio_detailed).parameters
    if isinstance(arguments.get("body"), dict):
        arguments["body"] = _model(parameters["body"].annotation, arguments["body"])
    if "idempotency_key" in parameters:
        arguments.setdefault("idempotency_key", str(uuid.uuid4()))
    if etag is not None:
        arguments["if_match"] = etag
    answer = await operation.asyncio_detailed(client=client, **arguments)
    return Answer(int(answer.status_code), answer.headers, answer.content, answer.parsed)


def _model(annotation: Any, body: dict[str, Any]) -> Any:
    """The generated model of a body (the first of a union that takes it); the dict itself where
    the generator typed the body as any JSON (a `oneOf` of required fields)."""
    candidates = [
        c for c in getattr(annotation, "__args__", (annotation,)) if hasattr(c, "from_dict")
    ]
    for candidate in candidates:
        try:
            return candidate.from_dict(body)
        except (KeyError, TypeError, ValueError):
            continue
    if candidates:
        raise TypeError(f"no generated model of {annotation} takes {sorted(body)}")
    return body


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
        self.api = operation_client(stack, service, stack.token(role, division))

    async def call(
        self, operation: ModuleType, etag: str | None = None, **arguments: Any
    ) -> Answer:
        """One operation of the service's generated client, as this clerk (see `call`)."""
        return await call(self.api, operation, etag, **arguments)


async def answered(
    clerk: Clerk, operation: ModuleType, *, status: int = 200, **arguments: Any
) -> bool:
    """True once the operation answers the status (False while a process restarts)."""
    try:
        return (await clerk.call(operation, **arguments)).status_code == status
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
    created = await township.call(submit_application, body=body)
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
    case = {"case_id": case_id, "programme": programme}
    await eventually(
        lambda: answered(township, get_case_programme, **case), timeout=60, message="no case opened"
    )

    async def step(clerk: Clerk, operation: ModuleType, body: dict[str, Any], stage: str) -> None:
        etag = (await clerk.call(get_case_programme, **case)).headers["ETag"]
        answer = await clerk.call(operation, etag=etag, body=body, **case)
        assert answer.status_code == 200, answer.text
        assert answer.json()["stage"] == stage, answer.text

    await step(township, verify_household_economy, {}, "investigation")
    await step(township, record_investigation, {"staff": ["王明", "李华"],
               "visited_on": stack.day(-8), "findings": "情况属实", **(visit or {})},
               "township_review")  # fmt: skip
    await step(township, submit_proposal, {"proposed_monthly_amount_fen": 60_000,
               "review_opinion": "拟同意"}, "proposed")  # fmt: skip
    batch = await officer.call(form_batch, body={"township_code": county.township, "cases": [case]})
    assert batch.status_code == 201, batch.text
    visited = await officer.call(
        record_spot_check, batch_id=batch.json()["batch_id"], etag=batch.headers["ETag"],
        body={"case_id": case_id, "programme": programme, "visited_by": ["赵", "钱"],
              "visited_on": stack.day(-7), "findings": "与申报一致"},
    )  # fmt: skip
    assert visited.status_code == 200, visited.text
    await step(township, publish_notice, {"village_code": county.village}, "notice")
    await step(officer, decide_case, decision, "approved")


async def funded(payments: Clerk, county: County, programme: str, amount_fen: int) -> None:
    """County money allocated and arrived for a programme."""
    movement = {"county_code": county.code, "programme": programme, "source": "county",
                "amount_fen": amount_fen, "reason": "县级配套资金"}  # fmt: skip
    account = await payments.call(get_funds_account, county_code=county.code, programme=programme)
    etag = account.headers.get("ETag") if account.status_code == 200 else None
    allocated = await payments.call(record_funds_allocation, etag=etag, body=movement)
    assert allocated.status_code == 201, allocated.text
    arrived = await payments.call(
        record_funds_arrival, etag=allocated.headers["ETag"], body=movement
    )
    assert arrived.status_code == 201, arrived.text


async def completed_run(payments: Clerk, county: County, period: str) -> dict[str, Any]:
    """The county's run of a period, started and waited for until reconciled."""
    started = await payments.call(
        start_payment_run,
        body={"county_code": county.code, "period": period, "reason": f"{period}月度发放"},
    )
    assert started.status_code == 201, started.text
    return await _reconciled(payments, started.json()["run_id"], period)


async def closed_run(payments: Clerk, county: County, period: str) -> dict[str, Any]:
    """The county's run of a period once reconciled, started now or before (by another test on
    the shared stack: the 409 names the run)."""
    started = await payments.call(
        start_payment_run,
        body={"county_code": county.code, "period": period, "reason": f"{period}月度发放"},
    )
    existed = started.status_code == 409 and started.json()["code"] == "run-already-started"
    assert started.status_code == 201 or existed, started.text
    return await _reconciled(payments, started.json()["run_id"], period)


async def _reconciled(payments: Clerk, run_id: str, period: str) -> dict[str, Any]:
    async def completed() -> bool:
        answer = await payments.call(get_payment_run, run_id=run_id)
        return answer.status_code == 200 and answer.json()["status"] == "completed"

    await eventually(completed, timeout=60, message=f"the {period} run never completed")
    return dict((await payments.call(get_payment_run, run_id=run_id)).json())


class Agency:
    """A partner department's clerk deciding on intake, with a token naming the clerk."""

    def __init__(self, stack: RunningServices, county: County, role: str) -> None:
        self.role = role
        token = stack.signer.mint(
            f"e2e-{role}-{county.code}",
            role,
            county.code,
            f"{county.code}{role}",
            subject=f"{role}-07",
        )
        self.api = operation_client(stack, "intake", token)

    async def etag(self, case_id: str) -> str:
        """The application's current ETag, as the agency reads it (once the view has it)."""

        async def readable() -> bool:
            answer = await call(self.api, get_application, application_id=case_id)
            return answer.status_code == 200

        await eventually(readable, timeout=30, message="the application never became readable")
        answer = await call(self.api, get_application, application_id=case_id)
        return str(answer.headers["ETag"])

    async def decide(
        self, case_id: str, programme: str, body: dict[str, Any], etag: str | None = None
    ) -> Answer:
        """POST the decision with the ETag just read; read again after a 412 (the view lagged
        behind the last decision). With `etag` (read by someone else: a role that may not read
        applications, ADR 0065), POST once with it."""
        if etag is not None:
            return await call(self.api, decide_programme, etag=etag, body=body,
                              application_id=case_id, programme=programme)  # fmt: skip
        answers: list[Answer] = []

        async def sent() -> bool:
            etag = await self.etag(case_id)
            answers.append(
                await call(self.api, decide_programme, etag=etag, body=body,
                           application_id=case_id, programme=programme)
            )  # fmt: skip
            return answers[-1].status_code != 412

        await eventually(sent, timeout=30, message=f"{self.role} never got past a stale ETag")
        return answers[-1]


async def monthly_figure(
    stack: RunningServices, client: httpx.AsyncClient, county: str, metric: str, expected: int
) -> None:
    """Wait until the province's statistics of this month (SUP-8) show the county's figure,
    summed over its programmes."""
    province = Clerk(stack, client, "supervision", "province_officer", "620000")

    async def shown() -> bool:
        answer = await province.call(get_statistics_report, period=stack.period(0), division=county)
        rows = answer.json()["rows"] if answer.status_code == 200 else []
        return sum(row[metric] for row in rows if row["county_code"] == county) == expected

    await eventually(shown, timeout=60, message=f"{county}: {metric} never reached {expected}")
