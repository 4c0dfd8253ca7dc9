"""An alert's life after a detector raised it (SUP-3, ADR 0025): acknowledged, dismissed or
escalated up the divisions, never down and never back."""

from __future__ import annotations

import pytest

from shared.domain.errors import ConcurrencyConflict
from supervision.domain.alert_lifecycle import Alert, AlertStateError, DismissalNeedsSupervision
from supervision.domain.alerts import (
    AlertDismissed,
    AlertEscalated,
    AlertEvidenceUpdated,
    AlertRaised,
    AlertStatus,
    Detector,
    EscalationLevel,
    register_events,
)
from tests.in_memory import in_memory, staff

pytestmark = pytest.mark.req("SUP-3")

TOWNSHIP = "620105001"  # Anning district, Liujiabao street
COUNTY, CITY, PROVINCE = TOWNSHIP[:6], TOWNSHIP[:4], TOWNSHIP[:2]


def raised_event(division: str = TOWNSHIP) -> AlertRaised:
    """The redistribution detector found several households paid into one account."""
    summary, evidence = "多户低保金打入同一账户", {"households": 2}
    return AlertRaised(
        "a1", Detector.REDISTRIBUTION, "acct:****6779", division, ("c1", "c2"), summary, evidence
    )


def raised(division: str = TOWNSHIP) -> Alert:
    """The alert as loaded after its detector raised it: open."""
    alert = Alert("a1")
    alert.replay([raised_event(division)])
    return alert


def test_evidence_brought_up_to_date_keeps_the_alerts_stage() -> None:
    # given an acknowledged alert about two households
    alert = raised()
    alert.acknowledge("核查中")
    # when its detector finds a third household paid into the account
    update = AlertEvidenceUpdated(
        "a1", Detector.REDISTRIBUTION, "acct:****6779", ("c1", "c2", "c3"),
        "3户的保障金发放至同一银行账户", {"households": 3},
    )  # fmt: skip
    alert.replay([update])
    # then the alert names the three, and stays acknowledged in its division
    assert alert.alert.case_ids == ("c1", "c2", "c3")
    assert alert.alert.evidence == {"households": 3}
    assert alert.status is AlertStatus.ACKNOWLEDGED and alert.division_code == TOWNSHIP


def test_an_open_alert_is_acknowledged_once() -> None:
    alert = raised()
    alert.acknowledge("已交乡镇核查")
    assert alert.status is AlertStatus.ACKNOWLEDGED
    with pytest.raises(AlertStateError) as refused:
        alert.acknowledge("again")
    assert refused.value.status == 409


def test_a_dismissed_alert_stays_dismissed_and_records_its_detector_and_key() -> None:
    # given an acknowledged alert, dismissed with a reason
    alert = raised()
    alert.acknowledge("核查中")
    alert.dismiss("系同一监护人代管账户，已备案", "inspector")
    assert alert.pending[-1] == AlertDismissed(
        "a1", Detector.REDISTRIBUTION, "acct:****6779", "系同一监护人代管账户，已备案"
    )
    # then nothing more may happen to it
    for step in (
        lambda: alert.dismiss("again", "inspector"),
        lambda: alert.acknowledge("again"),
        lambda: alert.escalate(EscalationLevel.CITY, COUNTY, "again"),
    ):
        with pytest.raises(AlertStateError):
            step()
    assert alert.status is AlertStatus.DISMISSED and len(alert.pending) == 2


def test_a_county_officer_escalates_to_the_city_then_a_city_officer_to_the_province() -> None:
    alert = raised()
    alert.escalate(EscalationLevel.CITY, COUNTY, "涉及跨县账户")
    assert (alert.status, alert.escalated_division) == (AlertStatus.ESCALATED, CITY)
    alert.acknowledge("市局已接手")  # an escalated alert is taken in hand at its new level
    alert.escalate(EscalationLevel.PROVINCE, CITY, "涉及省级资金")
    assert alert.pending[-1] == AlertEscalated(
        "a1", EscalationLevel.PROVINCE, PROVINCE, "涉及省级资金"
    )
    assert alert.escalated_to is EscalationLevel.PROVINCE


@pytest.mark.parametrize(
    ("already", "level", "officer"),
    [
        (None, EscalationLevel.CITY, CITY),  # a city officer cannot escalate to their own level
        (None, EscalationLevel.PROVINCE, PROVINCE),
        (EscalationLevel.CITY, EscalationLevel.CITY, COUNTY),  # not to the same level again
        (EscalationLevel.PROVINCE, EscalationLevel.CITY, COUNTY),  # nor back down
    ],
)
def test_an_alert_is_escalated_only_above_the_officer_and_above_any_earlier_escalation(
    already: EscalationLevel | None, level: EscalationLevel, officer: str
) -> None:
    alert = raised()
    if already is not None:
        alert.escalate(already, COUNTY, "先行上报")
    with pytest.raises(AlertStateError):
        alert.escalate(level, officer, "上报")
    assert alert.escalated_to is already


def test_an_alert_about_a_city_is_not_escalated_to_that_same_city() -> None:
    alert = raised(division=CITY)
    with pytest.raises(AlertStateError):
        alert.escalate(EscalationLevel.CITY, COUNTY, "上报")
    alert.escalate(EscalationLevel.PROVINCE, COUNTY, "上报")
    assert alert.escalated_division == PROVINCE


async def test_an_escalated_alert_reads_back_escalated_and_a_stale_step_conflicts() -> None:
    # given an alert raised and escalated to the city, saved
    repository = in_memory(Alert, register_events)
    alert = Alert("a1")
    alert.record(raised_event())
    alert.escalate(EscalationLevel.CITY, COUNTY, "涉及跨县账户")
    await repository.save(alert, staff("上报", division=COUNTY, role="county_officer"), None)
    # when it is loaded twice, one copy acknowledged and saved, the other dismissed
    first, second = await repository.get("a1"), await repository.get("a1")
    assert (first.status, first.escalated_to, first.escalated_division) == (
        AlertStatus.ESCALATED, EscalationLevel.CITY, CITY
    )  # fmt: skip
    first.acknowledge("市局已接手")
    second.dismiss("误报", "city_officer")
    await repository.save(first, staff("确认", division=CITY, role="city_officer"), None)
    # then the dismissal on the stale copy conflicts and the alert stays acknowledged
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("排除", division=CITY, role="city_officer"), None)
    assert (await repository.get("a1")).status is AlertStatus.ACKNOWLEDGED


def test_an_irregularity_is_dismissed_above_the_county_an_overdue_case_by_it() -> None:
    # given a redistribution alert (an irregularity the notice orders investigated)
    alert = raised()
    # when the county it is about tries to set it aside, it is refused
    with pytest.raises(DismissalNeedsSupervision) as refused:
        alert.dismiss("经核实为误报", "county_officer")
    assert refused.value.status == 403 and alert.pending == []
    # while an inspector, or the city, may
    alert.dismiss("系同一监护人代管账户，已备案", "inspector")
    assert alert.pending[-1].reason == "系同一监护人代管账户，已备案"
    # and an overdue case is the county's own to set aside
    overdue = Alert("a2")
    overdue.replay([AlertRaised("a2", Detector.CASE_OVERDUE, "k", TOWNSHIP, ("c1",), "超期", {})])
    overdue.dismiss("系统日历错误", "county_officer")
    assert isinstance(overdue.pending[-1], AlertDismissed)
