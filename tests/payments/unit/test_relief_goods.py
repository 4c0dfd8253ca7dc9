"""The relief-goods stock's rules: pure, no I/O (PAY-10).

Never below zero, in the notice's priority order unless a reason is recorded, one priority group
per household, dates within the disaster, households inside the county.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import get_args

import pytest
from pydantic import TypeAdapter

from payments.domain.disaster import PRIORITY, ReliefRefused
from payments.domain.relief_goods import (
    CATALOGUE,
    InsufficientStock,
    Item,
    OutOfPriorityOrder,
    ReliefGoodsInvalid,
    ReliefGoodsIssued,
    ReliefGoodsReceived,
    ReliefGoodsStock,
    check_day,
    check_in_county,
)
from shared.privacy import public_view

pytestmark = pytest.mark.req("PAY-10")

COUNTY = "620105"
VILLAGE = "620105001001"
OCCURRED = date(2027, 3, 1)


def received(item: str = "quilt", quantity: int = 10) -> ReliefGoodsReceived:
    return ReliefGoodsReceived(
        "flood", COUNTY, item, CATALOGUE[item].unit, quantity, OCCURRED, "省级调拨", "甘民救-1"
    )


def issue(
    household: str, category: str = "other", quantity: int = 1, item: str = "quilt"
) -> ReliefGoodsIssued:
    return ReliefGoodsIssued(
        "flood", household, f"disaster:flood:{household}", VILLAGE, category, PRIORITY[category],
        item, CATALOGUE[item].unit, quantity, OCCURRED + timedelta(days=1), "马秀兰",
        f"签收-{household}",
    )  # fmt: skip


def stocked(*receipts: ReliefGoodsReceived) -> ReliefGoodsStock:
    stock = ReliefGoodsStock("flood")
    stock.replay(list(receipts or [received()]))
    return stock


def test_every_item_of_the_typed_list_has_a_chinese_name_and_a_unit() -> None:
    assert set(get_args(Item)) == set(CATALOGUE)


def test_goods_received_and_issued_move_the_stock() -> None:
    # given 10 quilts received
    stock = stocked(received("quilt", 10))
    # when 3 and 2 go to two households
    stock.issue(issue("h1", quantity=3), money_roster={})
    stock.issue(issue("h2", quantity=2), money_roster={})
    # then 5 are left, and the events are pending for the repository
    assert stock.in_stock("quilt") == 5
    assert [e.household_id for e in stock.pending] == ["h1", "h2"]


def test_issuing_more_than_the_stock_is_refused_and_records_nothing() -> None:
    # given 10 quilts, and no tents at all
    stock = stocked(received("quilt", 10))
    # when 11 quilts are asked for
    with pytest.raises(InsufficientStock) as refused:
        stock.issue(issue("h1", quantity=11), money_roster={})
    # then the refusal names the item, what is held and what was asked, and nothing is recorded
    assert refused.value.extensions == {
        "field": "quantity", "item": "quilt", "in_stock": 10, "requested": 11
    }  # fmt: skip
    assert "棉被库存10床" in refused.value.detail_zh
    with pytest.raises(InsufficientStock):
        stock.issue(issue("h1", item="tent"), money_roster={})
    assert stock.pending == [] and stock.in_stock("quilt") == 10


def test_all_of_the_stock_may_go_out_but_not_one_more() -> None:
    stock = stocked(received("rice", 50))
    stock.issue(issue("h1", quantity=50, item="rice"), money_roster={})
    assert stock.in_stock("rice") == 0
    with pytest.raises(InsufficientStock):
        stock.issue(issue("h2", quantity=1, item="rice"), money_roster={})


@pytest.mark.parametrize("quantity", [0, -1, True])
def test_a_quantity_that_is_not_a_positive_whole_number_is_refused(quantity: int) -> None:
    stock = ReliefGoodsStock("flood")
    with pytest.raises(ReliefGoodsInvalid):
        stock.receive(received(quantity=quantity))
    with pytest.raises(ReliefGoodsInvalid):
        stocked().issue(issue("h1", quantity=quantity), money_roster={})


def test_a_later_group_passing_over_an_earlier_one_needs_a_reason_which_is_recorded() -> None:
    # given a collapsed-house household granted money that has no quilt yet
    stock = stocked(received("quilt", 10))
    roster = {"h-collapsed": "collapsed_house_rebuild"}
    # when a household of a later group asks first, without a reason
    with pytest.raises(OutOfPriorityOrder) as refused:
        stock.issue(issue("h-disabled", "disabled_family"), money_roster=roster)
    # then it is refused naming the field and who waits, and nothing is recorded
    assert refused.value.extensions["field"] == "out_of_order_reason"
    assert refused.value.extensions["passed_over"] == ["h-collapsed"]
    assert stock.pending == []
    # when the reason is given, the issue is recorded with the households passed over
    reasoned = replace(
        issue("h-disabled", "disabled_family"), out_of_order_reason="倒房户已外出投亲"
    )
    stock.issue(reasoned, money_roster=roster)
    assert stock.pending[-1].passed_over == ("h-collapsed",)
    assert stock.pending[-1].out_of_order_reason == "倒房户已外出投亲"


def test_the_order_is_per_item_and_kept_order_needs_no_reason() -> None:
    # given quilts and tents; the dibao household got a quilt and the collapsed-house one a tent
    stock = stocked(received("quilt", 10), received("tent", 5))
    roster = {"h-collapsed": "collapsed_house_rebuild"}
    stock.issue(issue("h-collapsed", "collapsed_house_rebuild", item="tent"), money_roster=roster)
    # then a dibao household still waits on the collapsed-house household's quilt
    with pytest.raises(OutOfPriorityOrder):
        stock.issue(issue("h-dibao", "dibao_household"), money_roster=roster)
    # and once that is issued, the later groups follow without a reason
    stock.issue(issue("h-collapsed", "collapsed_house_rebuild"), money_roster=roster)
    stock.issue(issue("h-dibao", "dibao_household"), money_roster=roster)
    stock.issue(issue("h-other", "other"), money_roster=roster)
    assert [e.passed_over for e in stock.pending] == [(), (), (), ()]


def test_households_already_issued_goods_count_as_waiting_for_other_items() -> None:
    # given a scattered extreme-poverty household known only from the goods it received
    stock = stocked(received("quilt", 10), received("flour", 100))
    stock.issue(issue("h-extreme", "scattered_extreme_poverty"), money_roster={})
    # then flour for an ordinary household first needs a reason
    with pytest.raises(OutOfPriorityOrder):
        stock.issue(issue("h-other", "other", item="flour"), money_roster={})


def test_a_household_keeps_the_priority_group_its_money_or_goods_gave_it() -> None:
    stock = stocked()
    with pytest.raises(ReliefRefused) as refused:
        stock.issue(issue("h1", "collapsed_house_rebuild"), money_roster={"h1": "other"})
    assert refused.value.extensions["field"] == "category"
    stock.issue(issue("h2", "dibao_household"), money_roster={})
    with pytest.raises(ReliefRefused):
        stock.issue(issue("h2", "other"), money_roster={})


def test_dates_lie_between_the_disaster_and_today() -> None:
    today = OCCURRED + timedelta(days=9)
    check_day("issued_on", OCCURRED, OCCURRED, today)
    check_day("issued_on", today, OCCURRED, today)
    for day in (OCCURRED - timedelta(days=1), today + timedelta(days=1)):
        with pytest.raises(ReliefGoodsInvalid) as refused:
            check_day("issued_on", day, OCCURRED, today)
        assert refused.value.extensions == {"field": "issued_on"}


@pytest.mark.parametrize("division", ["620102001001", "620102001", "620105", "620105000"])
def test_a_household_outside_the_countys_townships_and_villages_is_refused(division: str) -> None:
    check_in_county("620105001", COUNTY)
    check_in_county(VILLAGE, COUNTY)
    with pytest.raises(ReliefGoodsInvalid) as refused:
        check_in_county(division, COUNTY)
    assert refused.value.extensions == {"field": "division_code"}


def test_the_public_view_masks_the_recipients_name_and_keeps_the_references() -> None:
    data = TypeAdapter(ReliefGoodsIssued).dump_python(issue("h1"), mode="json")
    public = public_view(data, b"k" * 32)
    assert data["recipient_name"] == "马秀兰" and public["recipient_name"] == "马**"
    assert "马秀兰" not in str(public)
    assert public["signature_ref"] == "签收-h1" and public["household_id"] == "h1"
