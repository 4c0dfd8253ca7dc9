"""The county approves the computed amount unless it overrides it with a reason (VER-7); the
township assesses each extreme-poverty member's self-care ability, which the approval carries
(VER-8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from shared.domain.errors import DomainError
from shared.identity import check_char
from verification.domain import events as ev
from verification.domain.case import AmountOverride, VerificationCase
from verification.domain.decision_events import CaseApproved, amount_basis_of

DAY = date(2026, 11, 23)


def _rid(seq: str) -> str:
    first17 = f"62010219400101{seq}"
    return first17 + check_char(first17)


PERSON, SPOUSE = _rid("123"), _rid("245")


def investigated(programme: str, self_care: dict[str, str] | None = None) -> VerificationCase:
    """Given a two-person case of the programme, verified and investigated."""
    case = VerificationCase(f"c-{programme}")
    members = (ev.Member(PERSON, "甲", "self"), ev.Member(SPOUSE, "乙", "spouse"))
    case.open(
        ev.CaseOpened("c", programme, "620102001001", "rural", 2, 0, "授权", members, 0, None, DAY)
    )
    case.record_evidence(
        [
            ev.EvidenceRecorded("c", programme, s, r, 0, 0, False, "ref", "partner_api")
            for s, r in case.missing_queries()
        ],
        [],
    )
    case.record_investigation(["王", "李"], DAY, "属实", self_care)  # type: ignore[arg-type]
    return case


def approved(case: VerificationCase, override: AmountOverride | None = None) -> CaseApproved:
    """When the case is proposed, noticed and approved; then the approval recorded."""
    case.submit_proposal(60_000, None, "拟保", DAY)
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", DAY, 0)
    case.approve(True, DAY, override, None, DAY)
    assert case.approved is not None
    return case.approved


@pytest.mark.req("VER-7", "PAY-2")
def test_an_approval_without_an_override_is_by_rule_whatever_the_township_proposed() -> None:
    event = approved(investigated("rural_dibao"))
    assert (event.amount_basis, event.approved_monthly_amount_fen) == ("rule", 0)
    assert event.override_reason is None and event.overridden_by is None


@pytest.mark.req("VER-7")
def test_an_override_fixes_the_amount_and_records_its_reason_and_officer() -> None:
    override = AmountOverride(52_000, "家庭有重病患者，酌情提高", "county-officer-1")
    event = approved(investigated("rural_dibao"), override)
    assert (event.amount_basis, event.approved_monthly_amount_fen) == ("override", 52_000)
    assert (event.override_reason, event.overridden_by) == (override.reason, "county-officer-1")


@pytest.mark.req("VER-7")
@pytest.mark.parametrize(("amount", "reason", "field"), [
    (52_000, "  ", "override_reason"), (0, "理由", "override_monthly_amount_fen"),
])  # fmt: skip
def test_an_override_without_its_reason_or_amount_is_refused(
    amount: int, reason: str, field: str
) -> None:
    with pytest.raises(DomainError) as refused:
        AmountOverride(amount, reason, "county-officer-1")
    assert refused.value.code == "amount-override-incomplete"
    assert refused.value.extensions["field"] == field


@pytest.mark.req("VER-7")
def test_approvals_recorded_before_the_basis_existed_read_0_as_rule_and_else_override() -> None:
    event = approved(investigated("rural_dibao"))
    assert amount_basis_of(replace(event, amount_basis=None)) == "rule"
    old_fixed = replace(event, amount_basis=None, approved_monthly_amount_fen=60_000)
    assert amount_basis_of(old_fixed) == "override"


@pytest.mark.req("VER-8", "PAY-1")
def test_the_approval_carries_each_extreme_poverty_members_self_care_and_flags_dependence() -> None:
    case = investigated("extreme_poverty", {PERSON: "partial", SPOUSE: "full"})
    flags = [(f.flag, f.resident_id) for f in case.flags]
    assert flags == [("centralised_care", PERSON)]  # 半失能: partly dependent
    event = approved(case)
    assert [(m.resident_id, m.self_care) for m in event.members] == [
        (PERSON, "partial"),
        (SPOUSE, "full"),
    ]


@pytest.mark.req("VER-8")
def test_an_extreme_poverty_proposal_waits_for_every_members_self_care_assessment() -> None:
    case = investigated("extreme_poverty", {PERSON: "none"})
    with pytest.raises(DomainError) as refused:
        case.submit_proposal(60_000, None, "拟保", DAY)
    assert refused.value.code == "self-care-not-assessed"


@pytest.mark.req("VER-8")
def test_a_self_care_assessment_of_someone_outside_the_household_is_refused() -> None:
    with pytest.raises(DomainError) as refused:
        investigated("extreme_poverty", {_rid("999"): "none"})
    assert refused.value.code == "not-a-member"


@pytest.mark.req("VER-8")
def test_dibao_approvals_carry_no_self_care() -> None:
    event = approved(investigated("rural_dibao", {PERSON: "none"}))
    assert {m.self_care for m in event.members} == {None}
