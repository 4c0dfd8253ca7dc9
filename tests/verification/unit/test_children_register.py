"""The children register and the disability screening without I/O (VER-10): guards refuse,
events change state, and the public view of their events identifies nobody."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date, timedelta
from typing import Any

import pytest

from shared.domain.errors import DomainError
from shared.identity import check_char
from shared.privacy import public_view
from verification.domain.children import (
    ELIGIBILITY_RULE,
    Allowance,
    AllowanceDecision,
    CareVisitRecorded,
    Category,
    Child,
    ChildAllowanceAssessed,
    ChildRegistered,
    Guardian,
    GuardianshipStatus,
)
from verification.domain.inclusion import (
    DisabledPerson,
    ExtremePovertyInclusionDecided,
    InclusionScreening,
)

TODAY = date(2027, 3, 10)  # the pinned day of these stories
BIRTH = TODAY.replace(year=TODAY.year - 10)  # a ten-year-old
VILLAGE = "620104001001"


def resident(born: date, sequence: int = 123) -> str:
    """A valid resident ID of Xigu district for a birth date."""
    first17 = f"620104{born:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)


CHILD_ID, GRANDMOTHER = resident(BIRTH), resident(date(1958, 5, 1), 224)
GUARDIAN = Guardian("王秀兰", "grandparent", GRANDMOTHER, "13812345678", "6228480012345678901")


def registered(
    category: Category = "orphan",
    status: GuardianshipStatus = "entrusted",
    guardian: Guardian | None = GUARDIAN,
) -> ChildRegistered:
    """What the township registers for the child."""
    return ChildRegistered(
        "child-1", CHILD_ID, "李小明", VILLAGE, VILLAGE[:6], "rural", category, status, guardian,
        TODAY,
    )  # fmt: skip


def child_on_register(category: Category = "orphan") -> Child:
    """Given a child on the register."""
    child = Child("child-1")
    child.register(registered(category))
    return child


def assessment(
    allowance: Allowance = "orphan_allowance",
    decision: AllowanceDecision = "granted",
    since: date | None = TODAY,
) -> ChildAllowanceAssessed:
    """The county's assessment of the child registered above."""
    return ChildAllowanceAssessed(
        "child-1", allowance, decision, VILLAGE, VILLAGE[:6], "rural", "orphan", since,
        "经审核符合条件", "甘民发〔2017〕示例号", ELIGIBILITY_RULE[allowance], "county-officer-7",
        TODAY, GUARDIAN.name, GUARDIAN.bank_account,
    )  # fmt: skip


def code_of(refused: pytest.ExceptionInfo[DomainError]) -> tuple[str, str | None]:
    """The refusal's machine code and the field it names."""
    return refused.value.code, refused.value.extensions.get("field")


@pytest.mark.req("VER-10")
def test_a_child_is_registered_with_the_guardian_and_a_visit_updates_the_guardianship() -> None:
    # given a ten-year-old orphan entrusted to the grandmother
    child = child_on_register()
    assert (child.guardianship_status, child.age_on(TODAY)) == ("entrusted", 10)
    # when the township visits and finds the guardianship inadequate
    visit = CareVisitRecorded(
        child.id, VILLAGE, TODAY, ("张敏", "刘强"), "inadequate", True, "祖母卧病，无力照料"
    )
    child.record_visit(visit, TODAY)
    # then the visit is kept and the child's guardianship is what the visit found
    assert child.visits == [visit] and child.guardianship_status == "inadequate"
    # and a visit dated after today is refused, naming the field
    with pytest.raises(DomainError) as refused:
        child.record_visit(replace(visit, visited_on=TODAY + timedelta(days=1)), TODAY)
    assert code_of(refused) == ("visit-in-the-future", "visited_on")


@pytest.mark.req("VER-10")
def test_the_register_holds_minors_with_a_guardian_unless_nobody_looks_after_them() -> None:
    adult = resident(TODAY.replace(year=TODAY.year - 18), 125)  # 18 today
    with pytest.raises(DomainError) as refused:
        Child("c").register(replace(registered(), resident_id=adult))
    assert code_of(refused) == ("not-a-child", "resident_id")
    with pytest.raises(DomainError) as refused:
        Child("c").register(registered(guardian=None))
    assert code_of(refused) == ("guardian-missing", "guardian")
    with pytest.raises(DomainError) as refused:
        Child("c").register(registered(guardian=replace(GUARDIAN, resident_id=None)))
    assert code_of(refused) == ("guardian-missing", "guardian.resident_id")
    # a child nobody looks after (无人监护) is registered without one, and an institution
    # guardian without a resident ID
    Child("c").register(registered(status="none", guardian=None))
    home = Guardian("西固区儿童福利院", "institution")
    Child("c").register(registered(status="institutional", guardian=home))


@pytest.mark.req("VER-10", "PAY-9")
def test_an_orphan_is_granted_the_orphan_allowance_once_with_who_when_why_and_policy() -> None:
    child = child_on_register()
    child.assess(assessment())
    granted = child.granted
    assert granted is not None and granted.effective_from == TODAY
    assert (granted.decided_by, granted.decided_on, granted.policy_basis) == (
        "county-officer-7", TODAY, "甘民发〔2017〕示例号",
    )  # fmt: skip
    with pytest.raises(DomainError) as refused:
        child.assess(assessment())
    assert code_of(refused) == ("allowance-already-granted", "allowance")


@pytest.mark.req("VER-10", "PAY-9")
def test_an_allowance_fits_the_category_a_grant_has_a_date_and_stops_at_eighteen() -> None:
    left_behind = child_on_register("left_behind")
    with pytest.raises(DomainError) as refused:
        left_behind.assess(replace(assessment(), category="left_behind"))
    assert code_of(refused) == ("allowance-not-for-category", "allowance")
    orphan = child_on_register()
    with pytest.raises(DomainError) as refused:
        orphan.assess(assessment(since=None))
    assert code_of(refused) == ("effective-date-missing", "effective_from")
    eighteenth = BIRTH.replace(year=BIRTH.year + 18)
    with pytest.raises(DomainError) as refused:
        orphan.assess(assessment(since=eighteenth))
    assert code_of(refused) == ("child-has-come-of-age", "effective_from")
    # a refusal has no date and grants nothing
    orphan.assess(assessment(decision="refused", since=None))
    assert orphan.granted is None and len(orphan.assessments) == 1


def person(**changes: Any) -> DisabledPerson:
    """A grade-1 physically disabled person without living source or able supporter."""
    base = DisabledPerson(resident(date(1975, 6, 1), 331), "赵建国", VILLAGE, "physical", 1,
                          False, "none")  # fmt: skip
    return replace(base, **changes)


@pytest.mark.req("VER-10")
def test_a_disabled_person_meeting_the_extreme_poverty_rules_is_flagged_for_inclusion() -> None:
    screening = InclusionScreening("s-1")
    screening.screen(person(), TODAY)
    assert screening.status == "flagged" and screening.screened is not None
    assert screening.screened.unmet == () and "无劳动能力" in screening.screened.rule
    # when the county includes the person, the flag is acted on once
    decided = ExtremePovertyInclusionDecided(
        "s-1", VILLAGE, "include", "符合特困供养条件，转乡镇受理", "county-officer-7", TODAY
    )
    screening.decide(decided)
    assert screening.status == "include"
    with pytest.raises(DomainError) as refused:
        screening.decide(decided)
    assert refused.value.code == "inclusion-already-decided"


@pytest.mark.req("VER-10")
@pytest.mark.parametrize(
    ("changes", "unmet"),
    [
        ({"disability_grade": 3}, ("able_to_work",)),  # grade 3 physical: able to work
        ({"disability_kind": "mental", "disability_grade": 3}, ()),  # grade 3 mental: unable
        ({"disability_kind": "hearing", "disability_grade": 1}, ("able_to_work",)),
        ({"has_living_source": True}, ("has_living_source",)),
        ({"supporter": "able"}, ("supporter_able",)),
        ({"supporter": "unable"}, ()),  # a supporter unable to support: still without support
    ],
)
def test_each_unmet_rule_is_named_and_such_a_person_is_not_flagged(
    changes: dict[str, Any], unmet: tuple[str, ...]
) -> None:
    screening = InclusionScreening("s-2")
    screening.screen(person(**changes), TODAY)
    assert screening.screened is not None and screening.screened.unmet == unmet
    assert screening.status == ("not_met" if unmet else "flagged")
    if unmet:
        with pytest.raises(DomainError) as refused:
            screening.decide(
                ExtremePovertyInclusionDecided("s-2", VILLAGE, "include", "x", "o", TODAY)
            )
        assert refused.value.code == "screening-not-flagged"


@pytest.mark.req("VER-10", "GEN-7")
def test_the_public_view_of_the_register_events_identifies_nobody() -> None:
    # given the register's events as stored (child, guardian, visit notes, disability)
    child = child_on_register()
    child.record_visit(
        CareVisitRecorded(
            child.id, VILLAGE, TODAY, ("张敏",), "entrusted", False, "李小明学习良好"
        ),
        TODAY,
    )
    child.assess(assessment())
    screening = InclusionScreening("s-3")
    screening.screen(person(), TODAY)
    stored = [asdict(e) for e in (*child.pending, *screening.pending)]
    # when each is put through the public view
    public = json.dumps(
        [public_view(json.loads(json.dumps(e, default=str)), b"k" * 32) for e in stored],
        ensure_ascii=False,
    )
    # then no resident ID, name, phone, account, visit note or disability detail remains
    personal = (CHILD_ID, GRANDMOTHER, "李小明", "王秀兰", "赵建国", "13812345678",
                "6228480012345678901", "学习良好", "physical", "disability_grade")  # fmt: skip
    for value in personal:
        assert value not in public, value
    # while what the bus may know stays: the category, the allowance, the village
    assert "orphan_allowance" in public and VILLAGE in public and '"category": "orphan"' in public
