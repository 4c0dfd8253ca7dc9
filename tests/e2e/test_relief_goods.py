"""Relief goods end to end on the shared stack, through the public APIs only (PAY-10): goods
received into 安宁区's stock for a disaster and issued to households against their signed receipts,
in the notice's priority order; a household's money and goods shown together; the stock never
below zero; bad input named; the recipient's name never in clear on the public topic."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from clients.payments.api.disaster_relief import (
    declare_disaster,
    get_disaster,
    grant_disaster_relief,
)
from clients.payments.api.relief_goods import (
    get_household_relief,
    get_relief_goods_stock,
    issue_relief_goods,
    receive_relief_goods,
)
from tests.e2e.bus import read_all
from tests.e2e.flows import Answer, Clerk, monthly_figure
from tests.e2e.services import RunningServices
from tests.support import eventually

pytestmark = pytest.mark.req("PAY-10")

COUNTY = "620105"  # 兰州市安宁区: this module's own county on the shared stack
TOWNSHIP = "620105001"
VILLAGE = "620105001001"
ACCOUNT = "6228480012349876543"


class County:
    """安宁区's county officer on the payments service, through its generated client."""

    def __init__(self, stack: RunningServices, client: httpx.AsyncClient) -> None:
        self.stack = stack
        self.clerk = Clerk(stack, client, "payments", "county_officer", COUNTY)

    async def disaster(self, name: str) -> str:
        """A flood declared six days ago with 10,000 yuan of relief money; its id."""
        disaster_id = f"anning-{uuid.uuid4().hex[:10]}"
        declared = await self.clerk.call(
            declare_disaster,
            body={"disaster_id": disaster_id, "county_code": COUNTY, "name": name,
                  "occurred_on": self.stack.day(-6), "allocation_fen": 1_000_000,
                  "reason": "区应急管理局核定灾情，下拨救灾资金"},
        )  # fmt: skip
        assert declared.status_code == 201, declared.text
        return disaster_id

    async def grant(self, disaster_id: str, household: str, category: str, fen: int) -> None:
        """Relief money for a household, paid at once (PAY-6)."""
        etag = (await self.clerk.call(get_disaster, disaster_id=disaster_id)).headers["ETag"]
        granted = await self.clerk.call(
            grant_disaster_relief, etag=etag, disaster_id=disaster_id,
            body={"household_id": household, "category": category, "amount_fen": fen,
                  "payee_name": "受灾户主", "bank_account": ACCOUNT, "division_code": VILLAGE,
                  "reason": "核定救灾资金"},
        )  # fmt: skip
        assert granted.status_code == 200, granted.text

    async def receive(self, disaster_id: str, item: str, quantity: int) -> Answer:
        """Goods into the disaster's stock (If-Match once the stock exists)."""
        etag = (await self.goods(disaster_id)).headers["ETag"]
        return await self.clerk.call(
            receive_relief_goods, etag=None if etag == '"0"' else etag, disaster_id=disaster_id,
            body={"item": item, "quantity": quantity, "received_on": self.stack.day(-5),
                  "source": "省级救灾物资储备库调拨", "document_ref": "甘民救〔2027〕12号"},
        )  # fmt: skip

    async def issue(self, disaster_id: str, **body: Any) -> Answer:
        """Goods to a household, with If-Match on the stock's current version."""
        etag = (await self.goods(disaster_id)).headers["ETag"]
        fields = {"division_code": VILLAGE, "issued_on": self.stack.day(-1), **body}
        return await self.clerk.call(
            issue_relief_goods, etag=etag, disaster_id=disaster_id, body=fields
        )

    async def post_as_is(self, path: str, body: dict[str, Any], etag: str) -> httpx.Response:
        """A body the document forbids (a value of the wrong type, out of range or not among
        the listed ones), which no generated model takes: posted as it is with the generated
        client's own httpx client (base URL and token set), to prove the service refuses it."""
        raw = self.clerk.api.get_async_httpx_client()
        headers = {"Idempotency-Key": str(uuid.uuid4()), "If-Match": etag}
        return await raw.post(path, json=body, headers=headers)

    async def money_settled(self, disaster_id: str, household: str) -> None:
        """Wait until the household's relief money shows as paid by the bank."""

        async def settled() -> bool:
            money = (await self.household(disaster_id, household)).json()["money"]
            return [p["status"] for p in money["payments"]] == ["settled"]

        await eventually(settled, timeout=60, message=f"{household}'s money was never paid")

    async def goods(self, disaster_id: str) -> Answer:
        """The disaster's stock."""
        answer = await self.clerk.call(get_relief_goods_stock, disaster_id=disaster_id)
        assert answer.status_code == 200, answer.text
        return answer

    async def household(self, disaster_id: str, household: str) -> Answer:
        """What a household received for the disaster: money and goods."""
        return await self.clerk.call(
            get_household_relief, disaster_id=disaster_id, household_id=household
        )


def in_stock(goods: Answer) -> dict[str, int]:
    """Item → quantity in stock."""
    return {i["item"]: i["in_stock"] for i in goods.json()["items"]}


def named_fields(problem: dict[str, Any]) -> set[str]:
    """The request fields a problem names (its `field`, or each error's last path step)."""
    fields = {str(e["field"]).rsplit(".", 1)[-1] for e in problem.get("errors", [])}
    return fields | ({problem["field"]} if "field" in problem else set())


async def test_goods_received_and_issued_show_with_the_households_money(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = County(stack, client)
        # given a flood, relief money granted to a collapsed-house and a dibao household
        flood = await county.disaster("3·4 安宁区洪涝")
        await county.grant(flood, "an-h1", "collapsed_house_rebuild", 300_000)
        await county.grant(flood, "an-h2", "dibao_household", 200_000)
        # when 100 quilts and 20 tents are received into the stock
        assert (await county.receive(flood, "quilt", 100)).status_code == 201
        assert (await county.receive(flood, "tent", 20)).status_code == 201
        # and issued in the notice's order, each against the recipient's signed receipt
        for household, item, quantity, name, category in [
            ("an-h1", "tent", 1, "马秀兰", "collapsed_house_rebuild"),
            ("an-h1", "quilt", 2, "马秀兰", "collapsed_house_rebuild"),
            ("an-h2", "quilt", 3, "杨建国", "dibao_household"),
        ]:
            issued = await county.issue(
                flood, household_id=household, category=category, item=item, quantity=quantity,
                recipient_name=name, signature_ref=f"安宁区-签收-{household}-{item}",
            )  # fmt: skip
            assert issued.status_code == 201, issued.text
        # then the stock went down by what was issued
        stock = await county.goods(flood)
        assert in_stock(stock) == {"quilt": 95, "tent": 19}
        assert [i["passed_over"] for i in stock.json()["issues"]] == [[], [], []]
        # and each household's view shows its goods with the disaster money paid to it
        for household in ("an-h1", "an-h2"):
            await county.money_settled(flood, household)
        first = (await county.household(flood, "an-h1")).json()
        assert first["category"] == "collapsed_house_rebuild" and first["priority"] == 1
        assert first["money"]["granted_fen"] == 300_000
        assert [(p["amount_fen"], p["period"]) for p in first["money"]["payments"]] == [
            (300_000, stack.period())
        ]
        assert first["goods_totals"] == {"tent": 1, "quilt": 2}
        assert {g["signature_ref"] for g in first["goods"]} == {
            "安宁区-签收-an-h1-tent", "安宁区-签收-an-h1-quilt"
        }  # fmt: skip
        second = (await county.household(flood, "an-h2")).json()
        assert (second["money"]["granted_fen"], second["goods_totals"]) == (200_000, {"quilt": 3})
        # and the recipient's name is on the internal topic only, masked on the public one
        await _masked_on_the_public_topic(stack, "杨建国", "杨**")
        # and the province's statistics of the month count the three issues (SUP-8)
        await monthly_figure(stack, client, COUNTY, "relief_goods_issues", 3)


async def _masked_on_the_public_topic(stack: RunningServices, name: str, masked: str) -> None:
    namespace, bootstrap = stack.env["KAFKA_TOPIC_NAMESPACE"], stack.env["KAFKA_BOOTSTRAP_SERVERS"]

    async def published() -> bool:
        public = await read_all(bootstrap, f"{namespace}.payments.events")
        return any(b"ReliefGoodsIssued" in r and masked.encode() in r for r in public)

    await eventually(published, timeout=60, message="the issue never reached the public topic")
    internal = await read_all(bootstrap, f"{namespace}.payments.internal")
    public = await read_all(bootstrap, f"{namespace}.payments.events")
    assert any(name.encode() in record for record in internal)
    assert not any(name.encode() in record for record in public)


async def test_issuing_more_than_the_stock_is_refused_and_writes_nothing(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = County(stack, client)
        # given 5 quilts, 2 of them issued to a household granted money
        flood = await county.disaster("3·4 安宁区洪涝（库存）")
        await county.grant(flood, "an-h3", "other", 50_000)
        assert (await county.receive(flood, "quilt", 5)).status_code == 201
        issue = {"household_id": "an-h3", "category": "other", "item": "quilt",
                 "recipient_name": "王建华", "signature_ref": "安宁区-签收-an-h3"}  # fmt: skip
        assert (await county.issue(flood, **issue, quantity=2)).status_code == 201
        await county.money_settled(flood, "an-h3")
        before = await county.goods(flood)
        household_before = (await county.household(flood, "an-h3")).json()
        # when 4 more are asked for that household, and 6 for a new one
        over = await county.issue(flood, **issue, quantity=4)
        new = await county.issue(flood, **{**issue, "household_id": "an-h4"}, quantity=6)
        # then both are refused with a code naming the item and what is left
        for refused in (over, new):
            assert refused.status_code == 409, refused.text
            assert refused.headers["content-type"].startswith("application/problem+json")
            problem = refused.json()
            assert (problem["code"], problem["item"], problem["in_stock"]) == (
                "insufficient-stock", "quilt", 3
            )  # fmt: skip
        # and nothing was written: the stock, its version and the households are as before
        after = await county.goods(flood)
        assert after.headers["ETag"] == before.headers["ETag"]
        assert after.json() == before.json() and in_stock(after) == {"quilt": 3}
        assert (await county.household(flood, "an-h3")).json() == household_before
        assert (await county.household(flood, "an-h4")).status_code == 404


async def test_a_later_priority_group_served_first_needs_a_recorded_reason(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = County(stack, client)
        # given a collapsed-house household granted money and still without a tent
        flood = await county.disaster("3·4 安宁区洪涝（顺序）")
        await county.grant(flood, "an-h5", "collapsed_house_rebuild", 100_000)
        assert (await county.receive(flood, "tent", 3)).status_code == 201
        tent = {"household_id": "an-h6", "category": "disabled_family", "item": "tent",
                "quantity": 1, "recipient_name": "李桂芳",
                "signature_ref": "安宁区-签收-an-h6"}  # fmt: skip
        # when a family with disabled members is issued a tent first, without a reason
        refused = await county.issue(flood, **tent)
        # then it is refused naming the household waiting and the field for the reason
        assert refused.status_code == 409, refused.text
        assert refused.json()["code"] == "out-of-priority-order"
        assert refused.json()["passed_over"] == ["an-h5"]
        assert named_fields(refused.json()) == {"out_of_order_reason"}
        # and with the reason it is issued, the household passed over recorded with it
        reason = "倒房户暂住亲属家，帐篷先发给残疾人家庭"
        issued = await county.issue(flood, **tent, out_of_order_reason=reason)
        assert issued.status_code == 201, issued.text
        recorded = issued.json()["issues"][-1]
        assert (recorded["passed_over"], recorded["out_of_order_reason"]) == (["an-h5"], reason)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": -1}, "quantity"),
        ({"quantity": 0}, "quantity"),
        ({"quantity": True}, "quantity"),
        ({"quantity": "5"}, "quantity"),
        ({"quantity": 1.0}, "quantity"),
        ({"item": "gold_bar"}, "item"),
        ({"division_code": "620102001001"}, "division_code"),  # a village of 城关区
        ({"division_code": "620105"}, "division_code"),  # the county itself, not a household's
    ],
)
async def test_bad_input_is_refused_naming_the_field_and_writes_nothing(
    stack: RunningServices, change: dict[str, Any], field: str
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await stack.wait_until_healthy(client)
        county = County(stack, client)
        # given 10 quilts in a disaster's stock
        flood = await county.disaster("3·4 安宁区洪涝（校验）")
        assert (await county.receive(flood, "quilt", 10)).status_code == 201
        before = await county.goods(flood)
        issue = {"household_id": "an-h7", "category": "other", "item": "quilt", "quantity": 1,
                 "recipient_name": "张丽", "signature_ref": "安宁区-签收-an-h7",
                 "division_code": VILLAGE, "issued_on": stack.day(-1), **change}  # fmt: skip
        # when an issue or a receipt carries the bad value: a value the document forbids goes
        # as it is (no generated model takes it), a well-formed division through the operation
        answers: list[Answer | httpx.Response]
        if field in ("quantity", "item"):
            receipt = {"item": "quilt", "quantity": 1, "received_on": stack.day(-5),
                       "source": "社会捐赠", "document_ref": "捐赠-001", **change}  # fmt: skip
            goods, etag = f"/v1/disasters/{flood}/goods", before.headers["ETag"]
            answers = [
                await county.post_as_is(f"{goods}/issues", issue, etag),
                await county.post_as_is(f"{goods}/receipts", receipt, etag),
            ]
        else:
            answers = [await county.issue(flood, **issue)]
        # then each is a 422 problem naming the field, and the stock is unchanged
        for answer in answers:
            assert answer.status_code == 422, answer.text
            assert answer.headers["content-type"].startswith("application/problem+json")
            assert field in named_fields(answer.json()), answer.json()
        after = await county.goods(flood)
        assert after.headers["ETag"] == before.headers["ETag"] and in_stock(after) == {"quilt": 10}
