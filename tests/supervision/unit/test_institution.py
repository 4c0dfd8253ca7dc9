"""The institution safety file's rules (安全管理, SUP-5): checks, hazards to closure, drills.

Pure rules on the aggregate; the round trip and the concurrency through a Repository over the
in-memory event store.
"""

from __future__ import annotations

from datetime import date

import pytest

from shared.domain.errors import ConcurrencyConflict
from supervision.domain.institution import (
    HazardCategory,
    HazardCheckRecorded,
    HazardClosed,
    HazardRecorded,
    HazardRuleBroken,
    Institution,
    InstitutionKind,
    InstitutionRegistered,
    SafetyActivityRecorded,
    numbered_hazards,
    register_events,
)
from tests.in_memory import in_memory, staff

pytestmark = pytest.mark.req("SUP-5")

CHECKED = (HazardCategory.FIRE, HazardCategory.ELECTRICITY, HazardCategory.GAS_POISONING)


def registered() -> Institution:
    """Anning district's welfare home, registered."""
    home = Institution("w1")
    home.register(InstitutionRegistered("w1", InstitutionKind.WELFARE_HOME, "安宁区社会福利院",
                                        "620105", 120))  # fmt: skip
    return home


def a_check(check_id: str = "c1", complete: bool = False) -> HazardCheckRecorded:
    return HazardCheckRecorded("w1", check_id, date(2027, 3, 1), CHECKED, complete)


def hazard(hazard_id: str, category: HazardCategory = HazardCategory.FIRE) -> HazardRecorded:
    return HazardRecorded("w1", hazard_id, category, "消防通道堆放杂物", date(2027, 3, 15))


def checked() -> Institution:
    """The home after a check that found a fire hazard and an electrical one."""
    home = registered()
    home.check(a_check(), (hazard("c1-H1"), hazard("c1-H2", HazardCategory.ELECTRICITY)))
    return home


def test_a_check_records_itself_and_then_every_hazard_it_found() -> None:
    home = checked()
    assert home.pending[1:] == [
        a_check(), hazard("c1-H1"), hazard("c1-H2", HazardCategory.ELECTRICITY)
    ]  # fmt: skip
    assert set(home.hazards) == {"c1-H1", "c1-H2"} and home.closed == {}


def test_a_check_that_found_nothing_is_recorded_all_the_same() -> None:
    home = registered()
    home.check(a_check(complete=True), ())
    assert [type(e).__name__ for e in home.pending] == [
        "InstitutionRegistered", "HazardCheckRecorded"
    ]  # fmt: skip
    assert home.checks[0].fire_equipment_complete and home.hazards == {}


def test_an_open_hazard_is_closed_once() -> None:
    # given two open hazards
    home = checked()
    # when one is closed
    home.close("c1-H1", date(2027, 3, 12), "杂物已清理")
    # then it is closed with its date and note, the other stays open
    assert home.closed == {"c1-H1": HazardClosed("w1", "c1-H1", date(2027, 3, 12), "杂物已清理")}
    # and closing it again is refused, naming the field
    with pytest.raises(HazardRuleBroken) as refused:
        home.close("c1-H1", date(2027, 3, 13), "again")
    assert (refused.value.status, refused.value.extensions) == (409, {"field": "hazard_id"})
    assert "c1-H2" not in home.closed


def test_a_hazard_no_check_found_cannot_be_closed() -> None:
    home = checked()
    with pytest.raises(HazardRuleBroken) as refused:
        home.close("c9-H1", date(2027, 3, 12), "?")
    assert "c9-H1" in refused.value.detail_zh
    assert not any(isinstance(e, HazardClosed) for e in home.pending)


def test_drills_and_trainings_are_kept_in_order() -> None:
    home = registered()
    home.hold(SafetyActivityRecorded("w1", "drill", date(2027, 3, 8), "夜间火灾应急疏散演练", 85))
    home.hold(SafetyActivityRecorded("w1", "training", date(2027, 3, 9), "燃气安全培训", 30))
    assert [(a.activity, a.participants) for a in home.activities] == [
        ("drill", 85), ("training", 30)
    ]  # fmt: skip


async def test_a_safety_file_reads_back_with_its_hazards_open_and_closed() -> None:
    # given a home checked twice, one hazard closed, one drill held, saved
    repository = in_memory(Institution, register_events)
    home = checked()
    home.close("c1-H2", date(2027, 3, 5), "线路已更换")
    home.check(a_check("c2", complete=True), ())
    home.hold(SafetyActivityRecorded("w1", "drill", date(2027, 3, 8), "疏散演练", 85))
    await repository.save(home, staff("安全检查", role="county_officer"), None)

    # when it is loaded
    loaded = await repository.get("w1")

    # then the registry entry, checks (with their categories), hazards and drills are as saved
    assert loaded.registered == home.registered and loaded.checks == home.checks
    assert loaded.checks[0].categories == CHECKED
    assert (loaded.hazards, loaded.closed) == (home.hazards, home.closed)
    assert loaded.activities == home.activities and loaded.version == 7
    # and the rules hold on the loaded copy: the closed hazard stays closed, the open one closes
    with pytest.raises(HazardRuleBroken):
        loaded.close("c1-H2", date(2027, 3, 6), "again")
    loaded.close("c1-H1", date(2027, 3, 10), "已清理")


async def test_closing_on_a_stale_copy_conflicts_and_closes_nothing() -> None:
    # given a checked home, loaded twice
    repository = in_memory(Institution, register_events)
    await repository.save(checked(), staff("安全检查", role="county_officer"), None)
    first, second = await repository.get("w1"), await repository.get("w1")
    # when both close the same hazard
    first.close("c1-H1", date(2027, 3, 12), "已清理")
    second.close("c1-H1", date(2027, 3, 13), "已清理")
    await repository.save(first, staff("隐患销号", role="county_officer"), None)
    # then the second is refused on the version, and the hazard is closed once, on the 12th
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("隐患销号", role="county_officer"), None)
    assert (await repository.get("w1")).closed["c1-H1"].closed_on == date(2027, 3, 12)


def test_the_hazards_a_check_found_are_numbered_after_the_check() -> None:
    check = a_check("c1b2c3d4-e5f6")
    found = [(HazardCategory.FIRE, "消防通道堆放杂物", date(2027, 3, 15))] * 2
    numbered = numbered_hazards(check, found)
    assert [h.hazard_id for h in numbered] == ["c1b2c3d4-H1", "c1b2c3d4-H2"]
    assert numbered[0] == hazard("c1b2c3d4-H1")
