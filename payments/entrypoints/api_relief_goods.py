"""Relief goods routes (PAY-10): a disaster's stock received and issued, and each household's
money and goods together (救灾款物)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.relief_goods import (
    IssueGoods,
    ReceiveGoods,
    Stocks,
    declared_disaster,
    household_relief,
    issue_goods,
    load_stock,
    receive_goods,
)
from payments.domain.disaster import Disaster
from payments.domain.relief_goods import (
    CATALOGUE,
    Item,
    ReliefGoodsIssued,
    ReliefGoodsReceived,
    ReliefGoodsStock,
)
from payments.entrypoints.api_disasters import Category
from payments.entrypoints.common import READERS, nothing_more
from payments.entrypoints.wiring import Repos
from shared.fields import Count, PersonName, Text
from shared.http.auth import ensure_jurisdiction, require_roles
from shared.http.commands import Command, CommandRequest, change, create_or_change, no_case
from shared.http.etag import etag_for
from shared.http.openapi import IF_MATCH_WHEN_EXISTS
from shared.http.problems import problem_responses
from shared.http.tokens import Principal
from shared.http.wiring import Engine, Today
from shared.identity import DivisionCodeStr
from shared.privacy import mask_name

router = APIRouter(prefix="/v1", tags=["relief goods 救灾物资"])
READ = require_roles(*READERS)
QUANTITY_LIMIT = 10**9  # far above any county's stock; keeps sums well inside bigint


class GoodsReceiptIn(BaseModel):
    """Goods received into the disaster's stock."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "item": "quilt",
                    "quantity": 200,
                    "received_on": "2027-03-08",
                    "source": "省级救灾物资储备库调拨",
                    "document_ref": "甘民救〔2027〕12号",
                }
            ]
        },
    )

    item: Item
    quantity: Count = Field(gt=0, lt=QUANTITY_LIMIT, description="件数，按物资的计量单位")
    received_on: date = Field(description="入库日期：不早于灾害发生日，不晚于今日")
    source: Text = Field(min_length=1, max_length=200, description="来源：省级调拨、社会捐赠…")
    document_ref: Text = Field(min_length=1, max_length=200, description="调拨单或入库单编号")


class GoodsIssueIn(BaseModel):
    """Goods issued to a household, against the recipient's signed receipt."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "household_id": "anning-h-001",
                    "division_code": "620105001001",
                    "category": "collapsed_house_rebuild",
                    "item": "quilt",
                    "quantity": 2,
                    "issued_on": "2027-03-09",
                    "recipient_name": "马秀兰",
                    "signature_ref": "安宁区-救灾物资签收-2027-0001",
                }
            ]
        },
    )

    household_id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,50}$")
    case_id: str | None = Field(default=None, max_length=100)
    division_code: DivisionCodeStr = Field(description="户所在乡镇或村，须在灾害所在县内")
    category: Category = Field(description="优先类别（通知的顺序），同户的救灾资金类别")
    item: Item
    quantity: Count = Field(gt=0, lt=QUANTITY_LIMIT)
    issued_on: date = Field(description="发放日期：不早于灾害发生日，不晚于今日")
    recipient_name: PersonName = Field(min_length=1, max_length=50, description="签收人姓名")
    signature_ref: Text = Field(min_length=1, max_length=200, description="签收单编号")
    out_of_order_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="优先户尚未领到该物资时先发给本户的理由（否则409 out-of-priority-order）",
    )


class StockItemRead(BaseModel):
    """One item of the disaster's stock: received, issued and in stock, in the item's unit."""

    item: Item
    item_name: str = Field(description="物资名称")
    unit: str = Field(description="计量单位")
    received: int
    issued: int
    in_stock: int


class ReceiptRead(BaseModel):
    """Goods received into the stock."""

    item: Item
    unit: str
    quantity: int
    received_on: date
    source: str
    document_ref: str


class IssueRead(BaseModel):
    """Goods issued to a household (the recipient's name masked)."""

    household_id: str
    division_code: str
    category: Category
    priority: int
    item: Item
    quantity: int
    issued_on: date
    recipient_name_masked: str
    signature_ref: str
    passed_over: list[str] = Field(description="households of an earlier priority served later")
    out_of_order_reason: str | None


class GoodsStockRead(BaseModel):
    """A disaster's relief goods: per item, every receipt and every issue."""

    disaster_id: str
    county_code: str
    version: int = Field(description="the stock's version (0: nothing received yet): If-Match")
    items: list[StockItemRead]
    receipts: list[ReceiptRead]
    issues: list[IssueRead]


class ReliefPaymentRead(BaseModel):
    """A payment of a household's relief money."""

    period: str
    amount_fen: int
    status: str
    settled_at: datetime | None


class ReliefMoneyRead(BaseModel):
    """The relief money granted to a household and its payments."""

    granted_fen: int
    payments: list[ReliefPaymentRead]


class GoodsIssuedRead(BaseModel):
    """Goods a household received."""

    item: Item
    item_name: str
    unit: str
    quantity: int
    issued_on: date
    signature_ref: str
    out_of_order: bool = Field(description="issued before a household of an earlier priority")


class HouseholdReliefRead(BaseModel):
    """Money and goods one household received for a disaster (救灾款物)."""

    disaster_id: str
    household_id: str
    case_id: str
    category: Category
    priority: int
    money: ReliefMoneyRead
    goods: list[GoodsIssuedRead]
    goods_totals: dict[str, int] = Field(description="item → quantity received")


async def _disaster_of(command: CommandRequest, disaster_id: str, repos: Repositories) -> Disaster:
    """The declared disaster (else 404), in the caller's jurisdiction (else 403): both before
    anything else, its stock's If-Match included."""
    disaster = await declared_disaster(disaster_id, repos)
    ensure_jurisdiction(command.principal, disaster.county_code)
    return disaster


@router.post(
    "/disasters/{disaster_id}/goods/receipts",
    status_code=201,
    response_model=GoodsStockRead,
    summary="救灾物资入库 Receive relief goods into the disaster's stock",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
    openapi_extra=IF_MATCH_WHEN_EXISTS,
)
async def receive_relief_goods(
    disaster_id: str, body: GoodsReceiptIn, command: Command, repos: Repos, day: Today
) -> JSONResponse:
    """Goods into the stock with quantity, date, source and document; If-Match once it exists."""
    disaster = await _disaster_of(command, disaster_id, repos)
    kind = CATALOGUE[body.item]
    receipt = ReceiveGoods(
        disaster_id,
        body.item,
        body.quantity,
        body.received_on,
        body.source,
        body.document_ref,
        day,
    )
    return await create_or_change(
        command,
        Stocks.of(repos.relief_goods),
        disaster_id,
        new=lambda: ReliefGoodsStock(disaster_id),
        authorise=nothing_more,
        act=lambda stock, _: receive_goods(receipt, disaster, stock),
        reason=f"救灾物资入库：{kind.name_zh}{body.quantity}{kind.unit}（{body.document_ref}）",
        answer=lambda stock: _read(disaster, stock),
        case_of=no_case,
        status=201,
    )


@router.post(
    "/disasters/{disaster_id}/goods/issues",
    status_code=201,
    response_model=GoodsStockRead,
    summary="救灾物资发放 Issue relief goods to a household",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 422, 428),
)
async def issue_relief_goods(
    disaster_id: str, body: GoodsIssueIn, command: Command, repos: Repos, day: Today
) -> JSONResponse:
    """Never beyond the stock (409 `insufficient-stock`), in the notice's priority order."""
    disaster = await _disaster_of(command, disaster_id, repos)
    kind = CATALOGUE[body.item]
    reason = f"救灾物资发放：{kind.name_zh}{body.quantity}{kind.unit}，签收单{body.signature_ref}"
    if body.out_of_order_reason:
        reason += f"；未按优先顺序的理由：{body.out_of_order_reason}"
    goods = IssueGoods(
        disaster_id,
        body.household_id,
        body.case_id,
        body.division_code,
        body.category,
        body.item,
        body.quantity,
        body.issued_on,
        body.recipient_name,
        body.signature_ref,
        body.out_of_order_reason,
        day,
    )

    async def act(stock: ReliefGoodsStock, conn: AsyncConnection) -> None:
        # the households granted money as they stand in this unit of work (the priority order)
        issue_goods(goods, await repos.disasters.get(disaster_id, conn), stock)

    return await change(
        command,
        Stocks.of(repos.relief_goods),
        disaster_id,
        authorise=nothing_more,
        act=act,
        reason=reason,
        answer=lambda stock: _read(disaster, stock),
        case_of=lambda stock: stock.issued[-1].case_id,  # the household's, as the issue names it
        status=201,
    )


@router.get(
    "/disasters/{disaster_id}/goods",
    response_model=GoodsStockRead,
    summary="救灾物资库存 The disaster's goods stock",
    responses=problem_responses(401, 403, 404),
)
async def get_relief_goods_stock(
    disaster_id: str, repos: Repos, response: Response, principal: Principal = Depends(READ)
) -> dict[str, Any]:
    """Per item received, issued and in stock; every receipt and issue (version 0: none yet)."""
    disaster, stock = await load_stock(disaster_id, repos)
    ensure_jurisdiction(principal, disaster.county_code)
    response.headers["ETag"] = etag_for(stock.version)
    return _read(disaster, stock)


@router.get(
    "/disasters/{disaster_id}/households/{household_id}",
    response_model=HouseholdReliefRead,
    summary="受灾户领取的救灾款物 Money and goods a household received for a disaster",
    responses=problem_responses(401, 403, 404),
)
async def get_household_relief(
    disaster_id: str,
    household_id: str,
    repos: Repos,
    engine: Engine,
    principal: Principal = Depends(READ),
) -> dict[str, Any]:
    """The relief money granted and its payments, and the goods issued, to one household."""
    async with engine.connect() as conn:
        disaster, stock = await load_stock(disaster_id, repos, conn)
        ensure_jurisdiction(principal, disaster.county_code)
        return await household_relief(disaster, stock, household_id, conn)


def _read(disaster: Disaster, stock: ReliefGoodsStock) -> dict[str, Any]:
    items = sorted({r.item for r in stock.received})
    return {
        "disaster_id": disaster.id,
        "county_code": disaster.county_code,
        "version": stock.version,
        "items": [_item(stock, item) for item in items],
        "receipts": [_receipt(r) for r in stock.received],
        "issues": [_issue(i) for i in stock.issued],
    }


def _item(stock: ReliefGoodsStock, item: str) -> dict[str, Any]:
    kind = CATALOGUE[item]
    in_stock = stock.in_stock(item)
    received = sum(r.quantity for r in stock.received if r.item == item)
    return {
        "item": item,
        "item_name": kind.name_zh,
        "unit": kind.unit,
        "received": received,
        "issued": received - in_stock,
        "in_stock": in_stock,
    }


def _receipt(receipt: ReliefGoodsReceived) -> dict[str, Any]:
    return {
        "item": receipt.item,
        "unit": receipt.unit,
        "quantity": receipt.quantity,
        "received_on": receipt.received_on.isoformat(),
        "source": receipt.source,
        "document_ref": receipt.document_ref,
    }


def _issue(issue: ReliefGoodsIssued) -> dict[str, Any]:
    return {
        "household_id": issue.household_id,
        "division_code": issue.division_code,
        "category": issue.category,
        "priority": issue.priority,
        "item": issue.item,
        "quantity": issue.quantity,
        "issued_on": issue.issued_on.isoformat(),
        "recipient_name_masked": mask_name(issue.recipient_name),
        "signature_ref": issue.signature_ref,
        "passed_over": list(issue.passed_over),
        "out_of_order_reason": issue.out_of_order_reason,
    }
