"""Webhook subscriptions end to end (issue #18, ADR 0036), through the public APIs only: a county
bureau subscribes a receiver (run here, in the test process) to the notices and approvals of its
county; it gets each of them once, a case's in order, signed the Standard Webhooks way; while it
answers 503 and then is down nothing is lost; a rotated secret signs beside the old one; a replay
sends everything again."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from clients.supervision.api.subscriptions import (
    cancel_subscription,
    get_subscription,
    list_subscription_deliveries,
    list_subscriptions,
    replay_subscription,
    rotate_subscription_secret,
    subscribe_webhook,
)
from services.embedded import free_port
from supervision.application.webhooks import verify
from tests.e2e.flows import Clerk, County, approved, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

# 夏河县. The brief named 620131, which is no county of the division table (tokens for it cannot
# be minted); this module keeps to 夏河县 instead and reads only its own cases' deliveries.
XIAHE = County("623027")
TYPES = ["verification.NoticePublished", "verification.CaseApproved"]
APPROVE = {"decision": "approve", "reason": "经审核符合城市低保条件"}


class Receiver:
    """A partner's webhook endpoint: records what it accepts; can answer 503 or be down."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.answer = 200
        self.accepted: list[tuple[dict[str, str], bytes]] = []
        self.refused = 0
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    async def _hook(self, request: Request) -> Response:
        body = await request.body()
        if self.answer >= 300:
            self.refused += 1
        else:
            self.accepted.append((dict(request.headers), body))
        return Response(status_code=self.answer)

    async def start(self) -> None:
        app = Starlette(routes=[Route("/hook", self._hook, methods=["POST"])])
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_config=None,
                                access_log=False, lifespan="off")  # fmt: skip
        self._server = uvicorn.Server(config)
        self._task = asyncio.create_task(self._server.serve())
        await eventually(lambda: self._server is not None and self._server.started, timeout=10)

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            await self._task
        self._server = self._task = None

    def events(self, cases: set[str]) -> list[dict[str, Any]]:
        """The accepted CloudEvents of these cases, in the order they arrived."""
        bodies = [json.loads(body) for _, body in self.accepted]
        return [b for b in bodies if b.get("caseid") in cases]


@asynccontextmanager
async def receiving() -> AsyncIterator[Receiver]:
    receiver = Receiver()
    await receiver.start()
    try:
        yield receiver
    finally:
        await receiver.stop()


async def _approved_case(stack: RunningServices, client: httpx.AsyncClient, sequence: int) -> str:
    person = XIAHE.resident(sequence)
    case_id = await submitted(stack, client, XIAHE, {
        "division_code": XIAHE.township, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "才让卓玛", "relation": "self"}],
        "declared_monthly_income_fen": 20_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                          "document_ref": f"夏河县-授权-{sequence}"},
        "bank_account": "6228480012345623027",
    })  # fmt: skip
    await approved(stack, client, XIAHE, case_id, "urban_dibao", APPROVE)
    return case_id


def _assert_signed(headers: dict[str, str], body: bytes, *secrets: str) -> None:
    """Each secret's signature is in the header, over the id, the timestamp and the body."""
    timestamp = int(headers["webhook-timestamp"])
    for secret in secrets:
        assert verify(secret, headers["webhook-id"], timestamp, body, headers["webhook-signature"])
    assert headers["webhook-id"] == json.loads(body)["id"]


def _in_case_order(events: list[dict[str, Any]], case_id: str) -> list[str]:
    return [e["type"] for e in events if e["caseid"] == case_id]


async def test_a_subscriber_gets_each_approval_once_in_order_signed_and_loses_nothing_while_down(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client, receiving() as receiver:
        await stack.wait_until_healthy(client)
        bureau = Clerk(stack, client, "supervision", "county_officer", XIAHE.code)
        # given the county bureau's webhook for its notices and approvals
        created = await bureau.call(subscribe_webhook, body={
            "callback_url": receiver.url, "event_types": TYPES, "division_codes": [XIAHE.code],
        })  # fmt: skip
        assert created.status_code == 201, created.text
        subscription, secret = created.json()["subscription_id"], created.json()["secret"]
        mine = {"subscription_id": subscription}
        assert "secret" not in (await bureau.call(get_subscription, **mine)).json()

        async def listed() -> bool:
            items = (await bureau.call(list_subscriptions)).json()["items"]
            return subscription in {s["subscription_id"] for s in items}

        await eventually(listed, timeout=10, message="the subscription never became active")
        # when a case is approved, the receiver gets its notice, then its approval
        first = await _approved_case(stack, client, 701)
        await eventually(lambda: len(receiver.events({first})) == 2, timeout=30,
                         message="the first case's notice and approval never arrived")  # fmt: skip
        # when the receiver answers 503, then is down, while a second case is approved
        receiver.answer = 503
        second = await _approved_case(stack, client, 702)

        async def retried() -> bool:
            page = await _deliveries(bureau, subscription, status="pending")
            return any(d["case_id"] == second and d["attempts"] >= 2 and
                       d["last_status_code"] == 503 for d in page)  # fmt: skip

        await eventually(retried, timeout=30, message="the 503s were never retried")
        await receiver.stop()

        async def unreachable() -> bool:
            page = await _deliveries(bureau, subscription, status="pending")
            return any(d["case_id"] == second and d["last_status_code"] is None and
                       d["last_error"] for d in page)  # fmt: skip

        await eventually(unreachable, timeout=30, message="no attempt met the receiver down")
        # then, once it is back, it gets everything, each once, each case in order, all signed
        receiver.answer = 200
        await receiver.start()
        await eventually(lambda: len(receiver.events({second})) == 2, timeout=30,
                         message="what was sent while it was down never arrived")  # fmt: skip
        received = receiver.events({first, second})
        assert len({e["id"] for e in received}) == len(received) == 4
        assert _in_case_order(received, first) == _in_case_order(received, second) == TYPES
        for headers, body in receiver.accepted:
            _assert_signed(headers, body, secret)
            assert abs(int(headers["webhook-timestamp"]) - stack.clock.now().timestamp()) < 600
        approval = next(e for e in received if e["type"] == "verification.CaseApproved")
        assert approval["source"] == "/safetynet/verification"
        assert approval["safetynetview"] == "public" and "hash" not in approval
        assert approval["data"]["division_code"].startswith(XIAHE.code)
        assert XIAHE.resident(701) not in json.dumps(received)  # the public view: pseudonyms only
        delivered = await _deliveries(bureau, subscription, status="delivered")
        assert {d["case_id"] for d in delivered} >= {first, second}

        # when the secret is rotated and everything is replayed from the first delivery on
        etag = (await bureau.call(get_subscription, **mine)).headers["ETag"]
        rotated = await bureau.call(
            rotate_subscription_secret, etag=etag, body={"reason": "定期更换密钥"}, **mine
        )
        assert rotated.status_code == 200, rotated.text
        new_secret = rotated.json()["secret"]
        first_delivery = (await _deliveries(bureau, subscription))[0]
        already = len(receiver.accepted)
        replay = await bureau.call(
            replay_subscription, subscription_id=subscription, etag=rotated.headers["ETag"],
            body={"from_delivery_id": first_delivery["delivery_id"],
                  "reason": "接收系统恢复后重新同步"},
        )  # fmt: skip
        assert replay.status_code == 200, replay.text
        # then each event is sent again, in order, signed by the new secret and the old one
        await eventually(lambda: len(receiver.events({first, second})) == 8, timeout=30,
                         message="the replay was not sent")  # fmt: skip
        again = receiver.events({first, second})[4:]
        assert sorted(e["id"] for e in again) == sorted(e["id"] for e in received)
        assert _in_case_order(again, first) == _in_case_order(again, second) == TYPES
        for headers, body in receiver.accepted[already:]:
            _assert_signed(headers, body, new_secret, secret)
        # and a cancelled subscription changes no more
        etag = (await bureau.call(get_subscription, **mine)).headers["ETag"]
        cancelled = await bureau.call(
            cancel_subscription, etag=etag, body={"reason": "测试结束"}, **mine
        )
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"


async def _deliveries(bureau: Clerk, subscription: str, **filters: str) -> list[dict[str, Any]]:
    """The first page of the subscription's deliveries, as the bureau reads it."""
    answer = await bureau.call(
        list_subscription_deliveries, subscription_id=subscription, **filters
    )
    assert answer.status_code == 200, answer.text
    return list(answer.json()["items"])


async def test_subscriptions_outside_the_rules_are_refused_naming_what_is_wrong(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        bureau = Clerk(stack, client, "supervision", "county_officer", XIAHE.code)
        good = {"callback_url": "https://mzj.xiahe.gov.cn/hook", "event_types": TYPES,
                "division_codes": [XIAHE.code]}  # fmt: skip
        cases = {
            "plain http": ({**good, "callback_url": "http://mzj.xiahe.gov.cn/hook"}, 422),
            "credentials": ({**good, "callback_url": "https://a:b@mzj.xiahe.gov.cn/h"}, 422),
            # internal addresses (SSRF), in the forms an attacker tries; the stack allows only
            # 127.0.0.1 and localhost themselves
            "metadata": ({**good, "callback_url": "https://169.254.169.254/latest/"}, 422),
            "private": ({**good, "callback_url": "https://10.0.0.5/hook"}, 422),
            "ipv6 loopback": ({**good, "callback_url": "https://[::1]/hook"}, 422),
            "decimal loopback": ({**good, "callback_url": "https://2130706433/hook"}, 422),
            "hex loopback": ({**good, "callback_url": "https://0x7f.1/hook"}, 422),
            "another county": ({**good, "division_codes": ["623001"]}, 403),
        }
        for name, (body, status) in cases.items():
            answer = await bureau.call(subscribe_webhook, body=body)
            assert answer.status_code == status, (name, answer.text)
        plain = await bureau.call(subscribe_webhook, body=cases["plain http"][0])
        assert plain.json()["field"] == "callback_url"
        # a partner department follows only the programmes it decides
        medical = Clerk(stack, client, "supervision", "health_insurance", XIAHE.code)
        dibao = await medical.call(subscribe_webhook, body={**good, "programmes": ["urban_dibao"]})
        assert (dibao.status_code, dibao.json()["code"]) == (403, "programme-not-followed")
        ours = await medical.call(
            subscribe_webhook, body={**good, "programmes": ["medical_assistance"]}
        )
        assert ours.status_code == 201, ours.text
        # and nobody else sees a client's subscription
        other = await bureau.call(get_subscription, subscription_id=ours.json()["subscription_id"])
        assert other.status_code == 404
