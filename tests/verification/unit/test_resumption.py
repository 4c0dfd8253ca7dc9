"""Resuming a benefit on the case aggregate, without I/O (VER-7, ADR 0066): a suspension cleared
up, or the survivors of a member's death paid at the amount the county sets."""

from __future__ import annotations

from datetime import date

import pytest

from shared.domain.errors import DomainError
from tests.verification.unit.test_case import _rid
from verification.domain import decision_events as decisions
from verification.domain import events as ev
from verification.domain.case import Stage, VerificationCase

APPLICANT, SPOUSE = _rid("123"), _rid("224")
DIED_ON = date(2027, 2, 14)


def approved_couple() -> VerificationCase:
    """Given a two-person household approved at 1,200 yuan a month, paid into the applicant's
    account."""
    case = VerificationCase("c-urban_dibao")
    members = (ev.Member(APPLICANT, "甲", "self"), ev.Member(SPOUSE, "乙", "spouse"))
    case.open(
        ev.CaseOpened(
            "c", "urban_dibao", "620102001001", "urban", 2, 0, "授权-1", members, 0,
            "6228480012345670102", date(2026, 11, 23), bank_account_holder_resident_id=APPLICANT,
        )
    )  # fmt: skip
    case.record_evidence(
        [
            ev.EvidenceRecorded("c", "urban_dibao", s, r, 0, 0, False, "ref", "partner_api")
            for s, r in case.missing_queries()
        ],
        [],
    )
    case.record_investigation(["甲", "乙"], date(2026, 11, 24), "属实")
    case.submit_proposal(120_000, None, "拟保", date(2026, 11, 25))
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", date(2026, 11, 26), 7)
    case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9))
    return case


def resumed(case: VerificationCase) -> decisions.BenefitResumed:
    [event] = [e for e in case.pending if isinstance(e, decisions.BenefitResumed)]
    return event


@pytest.mark.req("VER-7")
def test_the_survivors_of_a_members_death_are_paid_again_at_the_amount_the_county_sets() -> None:
    case = approved_couple()
    case.report_death(SPOUSE, DIED_ON, "public_security", "公安-1")
    assert case.stage == Stage.TERMINATION_REVIEW
    case.resume(60_000, date(2027, 3, 1), "配偶死亡，按一人户重新核定")
    event = resumed(case)
    assert (event.approved_monthly_amount_fen, event.effective_from) == (60_000, date(2027, 3, 1))
    assert (event.household_size, event.reason) == (1, "配偶死亡，按一人户重新核定")
    assert (case.stage, case.amount_fen) == (Stage.APPROVED, 60_000)


@pytest.mark.req("VER-7")
def test_a_suspension_cleared_up_resumes_with_the_amount_in_force_unchanged() -> None:
    case = approved_couple()
    case.suspend(date(2027, 3, 1), "待核实车辆信息")
    case.resume(None, date(2027, 3, 1), "车辆登记为他人所有，已核实")
    event = resumed(case)
    assert (event.approved_monthly_amount_fen, event.household_size) == (None, 2)
    assert case.stage == Stage.APPROVED


@pytest.mark.req("VER-7")
def test_nothing_resumes_after_the_applicants_death_nor_a_benefit_already_running() -> None:
    case = approved_couple()
    with pytest.raises(DomainError) as running:
        case.resume(None, date(2027, 3, 1), "误操作")
    assert running.value.code == "stage-out-of-order"
    case.report_death(APPLICANT, DIED_ON, "public_security", "公安-2")
    with pytest.raises(DomainError) as refused:
        case.resume(60_000, date(2027, 3, 1), "由配偶继续领取")
    assert refused.value.code == "nobody-to-resume-for"
    assert APPLICANT not in refused.value.detail_en
    case.terminate(date(2027, 3, 1), "申请人死亡")
    assert case.stage == Stage.TERMINATED


@pytest.mark.req("VER-7")
def test_a_resumption_starts_no_earlier_than_the_stop_and_fixes_the_amount() -> None:
    case = approved_couple()
    case.report_death(SPOUSE, DIED_ON, "public_security", "公安-3")  # stopped from 1 March
    with pytest.raises(DomainError) as early:
        case.resume(60_000, date(2027, 2, 1), "按一人户恢复发放")
    assert (early.value.code, early.value.extensions["field"]) == (
        "resumption-before-stop", "effective_from",
    )  # fmt: skip
    assert early.value.extensions["stopped_from"] == "2027-03-01"
    case.resume(60_000, date(2027, 3, 1), "按一人户恢复发放")
    assert case.amount_set_since_approval and case.stopped_from is None
