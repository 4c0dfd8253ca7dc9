"""Relief goods (救灾物资): a county's stock for one disaster, received and issued (PAY-10).

Goods come into the stock with a quantity, a date and where they came from, and go out to
households with the quantity, the date and the reference of the recipient's signed receipt. The
stock never goes below zero. Households are served in the notice's priority order (the same
groups as disaster money, `PRIORITY`): issuing an item to a household while a household of an
earlier group known to the disaster still has none of that item needs a recorded reason, and the
households passed over are written into the event (ADR 0031).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from payments.domain.disaster import PRIORITY, ReliefRefused
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import event_type
from shared.identity import InvalidDivisionCode, covers, parse_division

Item = Literal[
    "tent",
    "quilt",
    "cotton_coat",
    "folding_bed",
    "heating_stove",
    "coal",
    "rice",
    "flour",
    "edible_oil",
    "drinking_water",
    "instant_food",
]


@dataclass(frozen=True)
class ItemKind:
    """One kind of relief goods: its Chinese name and the unit it is counted in."""

    name_zh: str
    unit: str


CATALOGUE: dict[str, ItemKind] = {
    "tent": ItemKind("帐篷", "顶"),
    "quilt": ItemKind("棉被", "床"),
    "cotton_coat": ItemKind("棉衣", "件"),
    "folding_bed": ItemKind("折叠床", "张"),
    "heating_stove": ItemKind("取暖炉", "台"),
    "coal": ItemKind("取暖煤", "千克"),
    "rice": ItemKind("大米", "千克"),
    "flour": ItemKind("面粉", "千克"),
    "edible_oil": ItemKind("食用油", "桶"),
    "drinking_water": ItemKind("饮用水", "箱"),
    "instant_food": ItemKind("方便食品", "箱"),
}


@event_type("payments.ReliefGoodsReceived", version=1)
@dataclass(frozen=True)
class ReliefGoodsReceived:
    """Goods received into a county's relief stock for a disaster."""

    disaster_id: str
    county_code: str
    item: str
    unit: str
    quantity: int
    received_on: date
    source: str
    document_ref: str


@event_type("payments.ReliefGoodsIssued", version=1)
@dataclass(frozen=True)
class ReliefGoodsIssued:
    """Goods issued from the stock to a household, against the recipient's signed receipt.

    `passed_over`: households of an earlier priority group still without this item, served later
    for the reason in `out_of_order_reason` (empty when the order was kept)."""

    disaster_id: str
    household_id: str
    case_id: str
    division_code: str
    category: str
    priority: int
    item: str
    unit: str
    quantity: int
    issued_on: date
    recipient_name: str
    signature_ref: str
    out_of_order_reason: str | None = None
    passed_over: tuple[str, ...] = ()


class InsufficientStock(DomainError):
    """An issue would take more of an item than the stock holds."""

    code = "insufficient-stock"
    status = 409
    title_en = "Not enough of the item in stock"
    title_zh = "救灾物资库存不足"


class OutOfPriorityOrder(DomainError):
    """An issue would pass over households of an earlier priority group without a reason."""

    code = "out-of-priority-order"
    status = 409
    title_en = "Households of an earlier priority group are still waiting"
    title_zh = "优先对象尚未发放，需说明理由"


class ReliefGoodsInvalid(DomainError):
    """A receipt or issue whose date or household does not fit the disaster."""

    code = "invalid-relief-goods"
    status = 422
    title_en = "The relief goods record does not fit the disaster"
    title_zh = "救灾物资登记信息与灾情不符"


def check_day(field: str, day: date, occurred_on: date, today: date) -> None:
    """Refuse (422 naming `field`) a date before the disaster or after today."""
    if not occurred_on <= day <= today:
        raise ReliefGoodsInvalid(
            f"{field}: {day.isoformat()} is not between the disaster ({occurred_on.isoformat()})"
            f" and today ({today.isoformat()})",
            f"{field}：{day.isoformat()}不在灾害发生日（{occurred_on.isoformat()}）至今日之间",
            field=field,
        )


def check_in_county(division_code: str, county_code: str) -> None:
    """Refuse (422 `division_code`) a household that is not in a township of the county."""
    try:
        level = parse_division(division_code).level
    except InvalidDivisionCode:
        level = None
    if level not in ("township", "village") or not covers(county_code, division_code):
        raise ReliefGoodsInvalid(
            f"division_code: {division_code} is not a township or village of county {county_code}",
            f"division_code（户所在乡镇或村）：{division_code}不是{county_code}辖区内的乡镇或村",
            field="division_code",
        )


class ReliefGoodsStock(Aggregate):
    """One disaster's relief-goods stock in its county: what came in and what went to whom."""

    stream_prefix = "relief-goods"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.received: list[ReliefGoodsReceived] = []
        self.issued: list[ReliefGoodsIssued] = []

    def receive(self, receipt: ReliefGoodsReceived) -> None:
        """Take goods into the stock."""
        _check_quantity(receipt.quantity)
        self.record(receipt)

    def issue(self, issue: ReliefGoodsIssued, money_roster: Mapping[str, str]) -> None:
        """Issue goods to a household, never beyond the stock, in the notice's priority order.

        `money_roster`: household → category of the households granted disaster money (PAY-6);
        with those already issued goods, they are the households known to wait for relief."""
        _check_quantity(issue.quantity)
        known = {**money_roster, **self.categories}
        self._check_category(issue, known.get(issue.household_id))
        self._check_stock(issue)
        passed = self.waiting_before(issue, known)
        if passed and not issue.out_of_order_reason:
            raise OutOfPriorityOrder(
                f"out_of_order_reason: households {', '.join(passed)} of an earlier priority group"
                f" have no {issue.item} yet; serve them first or state why not",
                f"out_of_order_reason（未按优先顺序发放的理由）：优先户{'、'.join(passed)}尚未领到"
                f"{CATALOGUE[issue.item].name_zh}，请先发放或说明理由",
                field="out_of_order_reason",
                passed_over=passed,
            )
        self.record(replace(issue, passed_over=tuple(passed)))

    def in_stock(self, item: str) -> int:
        """How much of an item the stock holds now."""
        received = sum(r.quantity for r in self.received if r.item == item)
        return received - sum(i.quantity for i in self.issued if i.item == item)

    @property
    def categories(self) -> dict[str, str]:
        """Household → priority group of every household issued goods."""
        return {i.household_id: i.category for i in self.issued}

    def waiting_before(self, issue: ReliefGoodsIssued, known: Mapping[str, str]) -> list[str]:
        """Households of an earlier group than the issue's still without its item, in order."""
        served = {i.household_id for i in self.issued if i.item == issue.item}
        waiting = [
            (PRIORITY[category], household)
            for household, category in known.items()
            if PRIORITY[category] < issue.priority and household not in served
        ]
        return [household for _, household in sorted(waiting)]

    def _check_category(self, issue: ReliefGoodsIssued, known: str | None) -> None:
        if known is not None and known != issue.category:
            raise ReliefRefused(
                f"category: household {issue.household_id} is recorded as {known} for this"
                " disaster",
                f"category（优先类别）：户{issue.household_id}在本次灾害中已登记为{known}",
                field="category",
            )

    def _check_stock(self, issue: ReliefGoodsIssued) -> None:
        held = self.in_stock(issue.item)
        if issue.quantity > held:
            kind = CATALOGUE[issue.item]
            raise InsufficientStock(
                f"quantity: {issue.quantity} {issue.item} asked, {held} in stock",
                f"quantity（发放数量）：{kind.name_zh}库存{held}{kind.unit}，不足{issue.quantity}"
                f"{kind.unit}",
                field="quantity",
                item=issue.item,
                in_stock=held,
                requested=issue.quantity,
            )

    def when_ReliefGoodsReceived(self, event: ReliefGoodsReceived) -> None:
        self.received.append(event)

    def when_ReliefGoodsIssued(self, event: ReliefGoodsIssued) -> None:
        self.issued.append(event)


def _check_quantity(quantity: int) -> None:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise ReliefGoodsInvalid(
            "quantity: a whole number above zero",
            "quantity（数量）：应为大于零的整数",
            field="quantity",
        )
