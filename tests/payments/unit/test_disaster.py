"""The disaster relief aggregate's rules (受灾人员救助, PAY-6): the allocation, grants, shelters.

Pure rules on the aggregate; granting relief through its command handler (the grant and its
payment instruction) over repositories on the in-memory event store.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from payments.application.context import Repositories
from payments.application.disasters import GrantRelief, grant_relief
from payments.domain.disaster import (
    PRIORITY,
    Disaster,
    DisasterDeclared,
    DisasterReliefGranted,
    HousingSolved,
    ReliefRefused,
    housing_target,
)
from payments.domain.events import register_events
from payments.domain.funds import InsufficientFunds
from payments.domain.payment import payment_key
from shared.clock import ManualClock, current_period
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.memory import InMemoryEventStore
from tests.in_memory import PINNED, registry_of, staff

pytestmark = pytest.mark.req("PAY-6")

OCCURRED = PINNED.date() - timedelta(days=9)
ALLOCATION = 5_000_000  # 50,000 yuan


def declared(allocation_fen: int = ALLOCATION) -> Disaster:
    """A flood in Anning district with its allocation, declared."""
    disaster = Disaster("flood")
    disaster.declare(DisasterDeclared("flood", "620105", "安宁区洪涝灾害", OCCURRED,
                                      allocation_fen, date(OCCURRED.year + 1, 12, 31)))  # fmt: skip
    return disaster


def grant(household: str, category: str = "other", amount_fen: int = 1_000_000,
          sheltered: bool = False) -> DisasterReliefGranted:  # fmt: skip
    return DisasterReliefGranted(
        "flood", household, f"disaster:flood:{household}", category, PRIORITY[category],
        amount_fen, sheltered,
    )  # fmt: skip


def solved(household: str) -> HousingSolved:
    return HousingSolved("flood", household, PINNED.date(), "原址重建，已搬入新房")


def test_the_notice_orders_the_categories() -> None:
    assert sorted(PRIORITY, key=PRIORITY.__getitem__) == [
        "collapsed_house_rebuild", "dibao_household", "scattered_extreme_poverty",
        "disabled_family", "other",
    ]  # fmt: skip


def test_the_sheltered_are_housed_by_the_end_of_the_next_year_unless_decided_otherwise() -> None:
    assert housing_target(OCCURRED) == date(OCCURRED.year + 1, 12, 31)
    decided = OCCURRED + timedelta(days=200)
    assert housing_target(OCCURRED, decided) == decided


def test_a_disaster_is_declared_once() -> None:
    disaster = declared()
    with pytest.raises(ReliefRefused) as refused:
        disaster.declare(DisasterDeclared("flood", "620105", "again", OCCURRED, 1, OCCURRED))
    assert refused.value.status == 409 and len(disaster.pending) == 1


def test_a_household_is_granted_relief_once() -> None:
    disaster = declared()
    disaster.grant(grant("h1", "collapsed_house_rebuild"))
    with pytest.raises(ReliefRefused) as refused:
        disaster.grant(grant("h1", "other", 1))
    assert refused.value.extensions == {"field": "household_id"}
    assert disaster.granted_fen == 1_000_000


@pytest.mark.req("PAY-7")
def test_grants_may_use_the_whole_allocation_but_never_more() -> None:
    # given an allocation of 50,000 yuan, 40,000 granted
    disaster = declared()
    for household in ("h1", "h2", "h3", "h4"):
        disaster.grant(grant(household))
    # when a grant would take it one fen past the allocation, it is refused naming the amount
    with pytest.raises(InsufficientFunds) as refused:
        disaster.grant(grant("h5", amount_fen=1_000_001))
    assert refused.value.extensions == {"field": "amount_fen"}
    assert f"{ALLOCATION + 1}" in refused.value.detail_en
    # and a grant of exactly what is left is recorded
    disaster.grant(grant("h5", amount_fen=1_000_000))
    assert disaster.granted_fen == ALLOCATION and "h5" in disaster.granted


def test_a_sheltered_household_is_tracked_until_its_housing_is_solved_once() -> None:
    # given two households in temporary shelter and one at home
    disaster = declared()
    disaster.grant(grant("h1", "collapsed_house_rebuild", sheltered=True))
    disaster.grant(grant("h2", "dibao_household", sheltered=True))
    disaster.grant(grant("h3", "disabled_family"))
    assert disaster.in_shelter == ["h1", "h2"]
    # when one's housing is solved, it leaves the shelter list
    disaster.solve_housing(solved("h1"))
    assert disaster.in_shelter == ["h2"]
    # and solving it again, or a household never sheltered or never granted, is refused
    for household in ("h1", "h3", "h9"):
        with pytest.raises(ReliefRefused) as refused:
            disaster.solve_housing(solved(household))
        assert refused.value.extensions == {"field": "household_id"}
    assert len(disaster.solved) == 1


def relief(household: str, category: str, expected_version: int, amount_fen: int) -> GrantRelief:
    """The command to grant relief to a household of the flood, paid this month."""
    return GrantRelief(
        "flood", household, None, category, amount_fen, True, "马秀兰", "6228480868123456779",
        "620105001001", expected_version, staff("房屋倒塌", role="county_officer"),
        current_period(ManualClock(PINNED)),
    )  # fmt: skip


async def declared_in(repos: Repositories) -> None:
    await repos.disasters.save(declared(), staff("灾情登记", role="county_officer"), None)


async def grant_on_flood(repos: Repositories, command: GrantRelief) -> None:
    """Grant relief on the flood as it is now, through the command handler."""
    await grant_relief(command, await repos.disasters.get("flood"), repos, None)


def repositories() -> Repositories:
    return Repositories.of(
        InMemoryEventStore(clock=ManualClock(PINNED)), registry_of(register_events)
    )


async def test_granting_relief_records_the_grant_and_instructs_its_payment_at_once() -> None:
    # given a declared flood
    repos = repositories()
    await declared_in(repos)

    # when a collapsed-house household is granted relief
    await grant_on_flood(repos, relief("h1", "collapsed_house_rebuild", 1, 2_000_000))

    # then the disaster holds the grant at the first priority, on the household's case
    disaster = await repos.disasters.get("flood")
    assert disaster.granted["h1"] == DisasterReliefGranted(
        "flood", "h1", "disaster:flood:h1", "collapsed_house_rebuild", 1, 2_000_000, True
    )
    assert disaster.in_shelter == ["h1"]
    # and one payment of the amount is instructed for this month, paid in that priority
    key = payment_key("disaster:flood:h1", "disaster_relief", current_period(ManualClock(PINNED)))
    payment = await repos.payments.get(key)
    assert payment.instructed is not None and payment.status == "instructed"
    assert (payment.instructed.amount_fen, payment.instructed.priority) == (2_000_000, 1)


@pytest.mark.req("PAY-7")
async def test_a_grant_beyond_the_allocation_or_on_a_stale_version_writes_nothing() -> None:
    # given a declared flood with one grant (version 2)
    repos = repositories()
    await declared_in(repos)
    await grant_on_flood(repos, relief("h1", "dibao_household", 1, 4_000_000))
    store = repos.disasters.store
    before = await store.head_position()

    # when a grant exceeds what is left, or is made on the version before the first grant
    with pytest.raises(InsufficientFunds):
        await grant_on_flood(repos, relief("h2", "other", 2, 1_000_001))
    with pytest.raises(ConcurrencyConflict):
        await grant_on_flood(repos, relief("h2", "other", 1, 1_000))

    # then neither the disaster nor any payment gained an event
    assert await store.head_position() == before
    assert set((await repos.disasters.get("flood")).granted) == {"h1"}
