"""Receiving and issuing relief goods for a disaster, and what each household received (PAY-10).

A household is named as disaster money names it (PAY-6): the county's `household_id`, and the
case it belongs to (`disaster:<disaster>:<household>` when it has none), so that goods and money
of one household meet on one case in supervision's audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.domain.disaster import PRIORITY, Disaster
from payments.domain.relief_goods import (
    CATALOGUE,
    ReliefGoodsIssued,
    ReliefGoodsReceived,
    ReliefGoodsStock,
    check_day,
    check_in_county,
)
from shared.application.repository import Repository
from shared.domain.errors import NotFound


@dataclass(frozen=True)
class ReceiveGoods:
    """Take goods into a disaster's stock."""

    disaster_id: str
    item: str
    quantity: int
    received_on: date
    source: str
    document_ref: str
    today: date  # from the service's clock


@dataclass(frozen=True)
class IssueGoods:
    """Issue goods from a disaster's stock to a household against its signed receipt."""

    disaster_id: str
    household_id: str
    case_id: str | None
    division_code: str
    category: str
    item: str
    quantity: int
    issued_on: date
    recipient_name: str
    signature_ref: str
    out_of_order_reason: str | None
    today: date  # from the service's clock


class Stocks(Repository[ReliefGoodsStock]):
    """Disasters' goods stocks as a command loads them: a declared disaster's stock is there from
    the start, empty at version 0 (the ETag its GET answers) until goods are first received."""

    @classmethod
    def of(cls, stocks: Repository[ReliefGoodsStock]) -> Stocks:
        """The stocks of that repository's store, as a command loads them."""
        return cls(stocks.store, stocks.registry, ReliefGoodsStock)

    async def get(self, aggregate_id: str, conn: Any = None) -> ReliefGoodsStock:
        """The stock, empty when nothing was received yet."""
        return await self.find(aggregate_id, conn) or ReliefGoodsStock(aggregate_id)


async def declared_disaster(
    disaster_id: str, repos: Repositories, conn: AsyncConnection | None = None
) -> Disaster:
    """The declared disaster, else 404."""
    disaster = await repos.disasters.find(disaster_id, conn)
    if disaster is None or disaster.declared is None:
        raise NotFound(f"disaster {disaster_id} was never declared", f"灾害{disaster_id}未登记")
    return disaster


async def load_stock(
    disaster_id: str, repos: Repositories, conn: AsyncConnection | None = None
) -> tuple[Disaster, ReliefGoodsStock]:
    """The declared disaster (else 404) and its goods stock (empty before the first receipt)."""
    disaster = await declared_disaster(disaster_id, repos, conn)
    stock = await repos.relief_goods.find(disaster_id, conn) or ReliefGoodsStock(disaster_id)
    return disaster, stock


def receive_goods(cmd: ReceiveGoods, disaster: Disaster, stock: ReliefGoodsStock) -> None:
    """Record ReliefGoodsReceived on the disaster's stock, dated within the disaster."""
    assert disaster.declared is not None
    check_day("received_on", cmd.received_on, disaster.declared.occurred_on, cmd.today)
    stock.receive(
        ReliefGoodsReceived(
            cmd.disaster_id,
            disaster.declared.county_code,
            cmd.item,
            CATALOGUE[cmd.item].unit,
            cmd.quantity,
            cmd.received_on,
            cmd.source,
            cmd.document_ref,
        )
    )


def issue_goods(cmd: IssueGoods, disaster: Disaster, stock: ReliefGoodsStock) -> None:
    """Record ReliefGoodsIssued, on the household's case, if the stock and the order allow."""
    assert disaster.declared is not None
    check_in_county(cmd.division_code, disaster.declared.county_code)
    check_day("issued_on", cmd.issued_on, disaster.declared.occurred_on, cmd.today)
    case_id = household_case(disaster, stock, cmd.household_id, cmd.case_id)
    stock.issue(
        ReliefGoodsIssued(
            cmd.disaster_id,
            cmd.household_id,
            case_id,
            cmd.division_code,
            cmd.category,
            PRIORITY[cmd.category],
            cmd.item,
            CATALOGUE[cmd.item].unit,
            cmd.quantity,
            cmd.issued_on,
            cmd.recipient_name,
            cmd.signature_ref,
            cmd.out_of_order_reason,
        ),
        money_roster={h: grant.category for h, grant in disaster.granted.items()},
    )


def household_case(
    disaster: Disaster, stock: ReliefGoodsStock, household_id: str, named: str | None = None
) -> str:
    """The case a household's relief is recorded on: as named, else as its money or earlier goods
    were, else the case disaster money would make for it."""
    if named:
        return named
    grant = disaster.granted.get(household_id)
    if grant is not None:
        return grant.case_id
    earlier = next((i.case_id for i in stock.issued if i.household_id == household_id), None)
    return earlier or f"disaster:{disaster.id}:{household_id}"


_PAID = text(
    "SELECT period, amount_fen, status, settled_at FROM payments_view"
    " WHERE case_id = :case_id AND run_id = :run_id ORDER BY period"
)


async def household_relief(
    disaster: Disaster, stock: ReliefGoodsStock, household_id: str, conn: AsyncConnection
) -> dict[str, Any]:
    """Money granted and paid, and goods issued, to one household for a disaster (救灾款物)."""
    grant = disaster.granted.get(household_id)
    goods = [i for i in stock.issued if i.household_id == household_id]
    if grant is None and not goods:
        raise NotFound(
            f"household {household_id} received no relief for disaster {disaster.id}",
            f"户{household_id}在灾害{disaster.id}中未领取救灾款物",
        )
    case_id = household_case(disaster, stock, household_id)
    paid = await conn.execute(_PAID, {"case_id": case_id, "run_id": f"disaster-{disaster.id}"})
    category = grant.category if grant else goods[0].category
    return {
        "disaster_id": disaster.id,
        "household_id": household_id,
        "case_id": case_id,
        "category": category,
        "priority": PRIORITY[category],
        "money": {
            "granted_fen": grant.amount_fen if grant else 0,
            "payments": [dict(row._mapping) for row in paid],
        },
        "goods": [_issued(i) for i in goods],
        "goods_totals": _totals(goods),
    }


def _issued(issue: ReliefGoodsIssued) -> dict[str, Any]:
    return {
        "item": issue.item,
        "item_name": CATALOGUE[issue.item].name_zh,
        "unit": issue.unit,
        "quantity": issue.quantity,
        "issued_on": issue.issued_on.isoformat(),
        "signature_ref": issue.signature_ref,
        "out_of_order": bool(issue.passed_over),
    }


def _totals(goods: list[ReliefGoodsIssued]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for issue in goods:
        totals[issue.item] = totals.get(issue.item, 0) + issue.quantity
    return totals
