"""Deaths reported by public security on the case aggregate, without I/O (VER-7)."""

from __future__ import annotations

from datetime import date

import pytest

from shared.domain.errors import DomainError
from tests.verification.unit.test_case import _rid, answers, opened_case, reviewed_case
from verification.domain import events as ev
from verification.domain.case import Stage, VerificationCase, month_after

HEAD = _rid("123")


def case_at_notice() -> VerificationCase:
    """Given a case proposed, in a batch, with its notice published and over."""
    case = reviewed_case()
    case.submit_proposal(60_000, None, "拟保", date(2026, 11, 25))
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", date(2026, 11, 26), 7)
    return case


def approved_case() -> VerificationCase:
    """Given an approved benefit."""
    case = case_at_notice()
    case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9))
    return case


@pytest.mark.req("VER-7", "PAY-3")
def test_a_death_on_a_running_benefit_suspends_from_next_month_and_opens_the_review() -> None:
    case = approved_case()
    seen = len(case.pending)
    assert case.report_death(HEAD, date(2027, 12, 15), "public_security", "公安-1")
    new = case.pending[seen:]
    suspended, reported = new
    assert isinstance(suspended, ev.BenefitSuspended)
    assert suspended.effective_from == date(2028, 1, 1)
    assert isinstance(reported, ev.DeathReported)
    assert (reported.stage_when_reported, reported.opens_termination_review) == ("approved", True)
    assert case.stage == Stage.TERMINATION_REVIEW
    # the same death again changes nothing; the county then terminates
    assert not case.report_death(HEAD, date(2027, 12, 15), "public_security", "公安-2")
    case.terminate(date(2028, 1, 1), "死亡")
    assert case.stage == Stage.TERMINATED
    assert not case.report_death(_rid("124"), date(2027, 12, 15), "public_security", "公安-3")


def test_the_month_after_wraps_the_year() -> None:
    assert month_after(date(2027, 12, 31)) == date(2028, 1, 1)
    assert month_after(date(2027, 3, 1)) == date(2027, 4, 1)


@pytest.mark.req("VER-7")
def test_a_death_before_approval_blocks_approval_unless_overridden_with_a_reason() -> None:
    case = case_at_notice()
    assert case.report_death(HEAD, date(2026, 11, 20), "public_security", "公安-9")
    assert case.stage == Stage.NOTICE  # recorded, the stage unchanged
    with pytest.raises(DomainError) as refused:
        case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9))
    assert refused.value.code == "member-reported-deceased"
    assert HEAD not in refused.value.detail_en  # masked
    case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9), "户籍信息有误，已核实")
    assert case.stage == Stage.APPROVED
    overridden = [e for e in case.pending if isinstance(e, ev.DeceasedApprovalOverridden)]
    assert overridden and overridden[0].reason == "户籍信息有误，已核实"


@pytest.mark.req("VER-1", "VER-7")
def test_a_registry_answer_deceased_at_the_first_check_blocks_approval() -> None:
    case = opened_case()
    found = [
        ev.EvidenceRecorded(
            a.case_id, a.programme, a.source, a.resident_id, 0, 0,
            a.source == "household_registration", "ref", "partner_api",
        )
        for a in answers(case)
    ]  # fmt: skip
    case.record_evidence(found, [])
    case.record_investigation(["甲", "乙"], date(2026, 11, 24), "属实")
    case.submit_proposal(60_000, None, "拟保", date(2026, 11, 25))
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", date(2026, 11, 26), 7)
    with pytest.raises(DomainError) as refused:
        case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9), "  ")
    assert refused.value.code == "member-reported-deceased"
