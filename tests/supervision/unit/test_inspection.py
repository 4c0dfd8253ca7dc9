"""The inspection aggregate's rules (督查检查, SUP-4): plan, visit, rectification, accountability.

Pure rules on the aggregate; the round trip and the concurrency through a Repository over the
in-memory event store.
"""

from __future__ import annotations

from datetime import date

import pytest

from shared.domain.errors import ConcurrencyConflict
from supervision.domain.inspection import (
    AccountabilityRecorded,
    Finding,
    Inspection,
    InspectionKind,
    InspectionPlanned,
    InspectionRecorded,
    InspectionRuleBroken,
    RectificationOrdered,
    RectificationVerified,
    numbered_findings,
    register_events,
)
from tests.in_memory import in_memory, staff

pytestmark = pytest.mark.req("SUP-4")

FINDINGS = (
    Finding("F1", "刘家堡街道3户低保对象未按规定开展年度复核", "serious"),
    Finding("F2", "公示栏未更新", "minor"),
)


def plan(kind: InspectionKind = InspectionKind.SPECIAL) -> InspectionPlanned:
    """The plan of an inspection of Anning district."""
    return InspectionPlanned(
        "i1", kind, "620105", date(2027, 4, 15), "低保专项督查", ("王海燕", "赵志强")
    )


def planned(kind: InspectionKind = InspectionKind.SPECIAL) -> Inspection:
    """An inspection of Anning district, planned."""
    inspection = Inspection("i1")
    inspection.plan(plan(kind))
    return inspection


def visited() -> Inspection:
    """An inspection planned and visited, with two findings."""
    inspection = planned()
    inspection.visit(date(2027, 4, 16), FINDINGS)
    return inspection


def accountability(finding_id: str) -> AccountabilityRecorded:
    return AccountabilityRecorded(
        "i1", finding_id, "街道民政助理员", "安宁区刘家堡街道办事处", "诫勉谈话", date(2027, 5, 20)
    )


def kinds(inspection: Inspection) -> list[str]:
    return [type(e).__name__ for e in inspection.pending]


def test_an_inspection_is_planned_once() -> None:
    inspection = planned()
    with pytest.raises(InspectionRuleBroken) as refused:
        inspection.plan(plan(InspectionKind.FOLLOW_UP))
    assert refused.value.status == 409 and refused.value.code == "inspection-wrong-stage"
    assert kinds(inspection) == ["InspectionPlanned"]


def test_the_visit_is_recorded_once_in_the_planned_division_with_its_findings() -> None:
    # given a planned inspection
    inspection = planned()
    # when the visit is recorded
    inspection.visit(date(2027, 4, 16), FINDINGS)
    # then it is dated, placed in the planned division, and carries the findings
    assert inspection.pending[-1] == InspectionRecorded("i1", "620105", date(2027, 4, 16), FINDINGS)
    # and a second visit is refused
    with pytest.raises(InspectionRuleBroken):
        inspection.visit(date(2027, 4, 17), ())
    assert kinds(inspection) == ["InspectionPlanned", "InspectionRecorded"]


def test_a_rectification_is_ordered_only_on_a_finding_of_the_visit() -> None:
    # before the visit there is no finding to order on
    with pytest.raises(InspectionRuleBroken) as before_visit:
        planned().order("F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16))
    assert before_visit.value.detail_zh == "无问题编号 F1"
    # after it, a finding it did not record is refused, one it did is ordered
    inspection = visited()
    with pytest.raises(InspectionRuleBroken):
        inspection.order("F9", "整改", "安宁区民政局", date(2027, 5, 16))
    inspection.order("F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16))
    assert inspection.orders["F1"] == RectificationOrdered(
        "i1", "F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16)
    )


def test_a_rectification_is_checked_until_it_is_found_done_and_then_never_again() -> None:
    # given a finding without an order, the check is refused
    inspection = visited()
    with pytest.raises(InspectionRuleBroken):
        inspection.check("F1", True, "已整改")
    # given an order, a failed check may be followed by another
    inspection.order("F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16))
    inspection.check("F1", False, "仅完成1户")
    inspection.check("F1", True, "已完成3户复核")
    assert inspection.verified["F1"] == RectificationVerified("i1", "F1", True, "已完成3户复核")
    # but once found rectified, no further check is recorded
    with pytest.raises(InspectionRuleBroken) as refused:
        inspection.check("F1", False, "复查")
    assert refused.value.detail_en == "already verified as rectified"
    assert kinds(inspection).count("RectificationVerified") == 2


def test_accountability_is_recorded_only_for_a_finding_of_the_visit() -> None:
    inspection = visited()
    with pytest.raises(InspectionRuleBroken):
        inspection.hold_accountable(accountability("F7"))
    inspection.hold_accountable(accountability("F2"))
    inspection.hold_accountable(accountability("F2"))  # several measures may follow one finding
    assert [a.finding_id for a in inspection.accountability] == ["F2", "F2"]


async def test_an_inspection_followed_up_reads_back_as_it_was_recorded() -> None:
    # given an unannounced inspection visited, ordered, checked and followed by accountability
    repository = in_memory(Inspection, register_events)
    inspection = planned(InspectionKind.UNANNOUNCED)
    inspection.visit(date(2027, 4, 16), FINDINGS)
    inspection.order("F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16))
    inspection.check("F1", False, "仅完成1户")
    inspection.hold_accountable(accountability("F1"))

    # when it is saved and loaded again
    await repository.save(inspection, staff("督查"), None)
    loaded = await repository.get("i1")

    # then the loaded inspection holds the same plan, findings, orders, checks and measures
    assert (loaded.version, loaded.planned, loaded.recorded) == (
        5, inspection.planned, inspection.recorded
    )  # fmt: skip
    assert loaded.planned is not None and loaded.planned.kind is InspectionKind.UNANNOUNCED
    assert (loaded.orders, loaded.verified) == (inspection.orders, inspection.verified)
    assert loaded.accountability == inspection.accountability
    # and its rules still hold on the loaded copy: the failed check may be repeated
    loaded.check("F1", True, "已完成")
    await repository.save(loaded, staff("整改验收"), None)
    assert (await repository.get("i1")).verified["F1"].rectified


async def test_two_inspectors_acting_on_the_same_version_one_of_them_conflicts() -> None:
    # given a visited inspection, loaded by two inspectors
    repository = in_memory(Inspection, register_events)
    await repository.save(visited(), staff("督查"), None)
    first, second = await repository.get("i1"), await repository.get("i1")

    # when both order a rectification on what they loaded
    first.order("F1", "一个月内完成复核", "安宁区民政局", date(2027, 5, 16))
    second.order("F2", "更新公示栏", "刘家堡街道办事处", date(2027, 4, 30))
    await repository.save(first, staff("下达整改通知"), None)

    # then the second save conflicts on the version, and only the first order is stored
    with pytest.raises(ConcurrencyConflict) as conflict:
        await repository.save(second, staff("下达整改通知"), None)
    assert (conflict.value.expected, conflict.value.actual) == (2, 3)
    assert set((await repository.get("i1")).orders) == {"F1"}


def test_a_visits_findings_are_numbered_f1_f2_in_the_order_found() -> None:
    found = [(f.description, f.severity) for f in FINDINGS]
    assert numbered_findings(found) == FINDINGS
    assert numbered_findings([]) == ()
