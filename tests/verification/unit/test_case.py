"""The case aggregate without I/O: guards refuse, events change state."""

from __future__ import annotations

from datetime import date

import pytest

from shared.domain.errors import DomainError
from shared.identity import check_char
from verification.domain import events as ev
from verification.domain.case import Stage, VerificationCase


def _rid(seq: str) -> str:
    first17 = f"62010219600101{seq}"
    return first17 + check_char(first17)


def opened_case(
    authorisation: str = "授权-1", account: str | None = None, holder: str | None = None
) -> VerificationCase:
    """Given an opened case of a one-person household (paid into `account`, held by `holder`)."""
    case = VerificationCase("c-urban_dibao")
    member = ev.Member(_rid("123"), "甲", "self")
    case.open(
        ev.CaseOpened(
            "c",
            "urban_dibao",
            "620102001001",
            "urban",
            1,
            45_000,
            authorisation,
            (member,),
            0,
            account,
            date(2026, 11, 23),
            bank_account_holder_resident_id=holder,
        )
    )
    return case


def answers(case: VerificationCase) -> list[ev.EvidenceRecorded]:
    """An answer with nothing found for every pending query."""
    return [
        ev.EvidenceRecorded("c", "urban_dibao", s, r, 0, 0, False, "ref", "partner_api")
        for s, r in case.missing_queries()
    ]


def reviewed_case() -> VerificationCase:
    """Given a case verified and investigated."""
    case = opened_case()
    case.record_evidence(answers(case), [])
    case.record_investigation(["甲", "乙"], date(2026, 11, 24), "属实")
    return case


@pytest.mark.req("VER-1")
def test_no_answers_are_asked_for_without_an_authorisation() -> None:
    with pytest.raises(DomainError) as refused:
        opened_case(authorisation="").missing_queries()
    assert refused.value.code == "authorisation-missing"


@pytest.mark.req("VER-2")
def test_two_names_that_are_the_same_person_are_one_investigator() -> None:
    case = opened_case()
    case.record_evidence(answers(case), [])
    with pytest.raises(DomainError) as refused:
        case.record_investigation(["甲", "甲"], date(2026, 11, 24), "x")
    assert refused.value.code == "too-few-investigators"


@pytest.mark.req("VER-5")
def test_a_decision_without_a_batch_is_refused_as_out_of_order() -> None:
    case = reviewed_case()
    case.submit_proposal(60_000, None, "拟保", date(2026, 11, 25))
    with pytest.raises(DomainError) as refused:
        case.approve(True, date(2026, 12, 9), None, None, date(2026, 12, 9))
    assert refused.value.code == "stage-out-of-order"


@pytest.mark.req("VER-6")
def test_an_objection_sends_the_case_back_to_investigation_out_of_its_batch() -> None:
    case = reviewed_case()
    case.submit_proposal(60_000, None, "拟保", date(2026, 11, 25))
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", date(2026, 11, 26), 7)
    case.raise_objection("o-1", True, "有车", date(2026, 11, 27))
    assert case.stage == Stage.INVESTIGATION and case.batch_id is None and not case.investigated


@pytest.mark.req("VER-7")
def test_only_an_approved_benefit_can_be_suspended() -> None:
    case = reviewed_case()
    with pytest.raises(DomainError) as refused:
        case.suspend(date(2027, 1, 1), "x")
    assert refused.value.code == "stage-out-of-order"


@pytest.mark.req("VER-5")
def test_a_proposal_of_another_township_cannot_join_the_batch() -> None:
    case = reviewed_case()
    case.submit_proposal(60_000, None, "拟保", date(2026, 11, 25))
    # when the county takes the household of township 620102001 into a batch of 620102002
    with pytest.raises(DomainError) as refused:
        case.assign_batch("b-1", "620102002")
    # then it is refused naming the cases, and the case stays out of any batch
    assert (refused.value.code, refused.value.extensions["field"]) == ("invalid-batch", "cases")
    assert case.stage == Stage.PROPOSED and case.batch_id is None
    # and its own township's batch takes it
    case.assign_batch("b-2", "620102001")
    assert (case.stage, case.batch_id) == (Stage.IN_BATCH, "b-2")


@pytest.mark.req("VER-7")
def test_an_approval_without_a_class_of_its_own_approves_the_class_the_township_proposed() -> None:
    def approved(rural_class: int | None) -> int | None:
        case = reviewed_case()
        case.submit_proposal(60_000, 2, "拟保", date(2026, 11, 25))
        case.assign_batch("b-1", "620102001")
        case.publish_notice("620102001001", date(2026, 11, 26), 7)
        case.approve(True, date(2026, 12, 9), None, rural_class, date(2026, 12, 9))
        assert case.approved is not None
        return case.approved.rural_class

    assert approved(None) == 2
    assert approved(3) == 3


@pytest.mark.req("VER-1")
def test_replies_to_queries_answered_meanwhile_are_left_out() -> None:
    case = opened_case()
    replies = answers(case)
    # given one source answered by hand while the partner sources were being asked
    case.record_evidence(replies[:1], [])
    # when the partner replies come back, that answer among them
    case.record_replies(replies, [])
    # then each source counts once and the check completes
    recorded = [e for e in case.pending if isinstance(e, ev.EvidenceRecorded)]
    assert len(recorded) == len(replies)
    assert case.stage == Stage.INVESTIGATION


@pytest.mark.req("VER-1", "SUP-3")
def test_an_amendment_changes_what_an_undecided_case_verifies_and_pays_into() -> None:
    # given an opened case
    case = opened_case()
    # when the household corrects its income and gives an account, then corrects the income only
    assert case.amend(30_000, 1_000, "6228480012340001", "补录账户")
    assert case.amend(20_000, 1_000, None, "收入更正")
    # then the case verifies the latest figures and pays into the account given
    opened = case.opened
    assert opened is not None
    assert (opened.declared_monthly_income_fen, opened.declared_assets_fen) == (20_000, 1_000)
    assert opened.bank_account == "6228480012340001"
    assert [type(e).__name__ for e in case.pending[-2:]] == ["CaseAmended", "CaseAmended"]


@pytest.mark.req("SUP-3")
def test_a_holder_recorded_for_one_account_is_not_the_holder_of_another() -> None:
    # given a case paid into the account a member holds
    case = opened_case(account="6228480012340001", holder=_rid("123"))
    assert case.opened is not None
    # when the same account is restated, the holder stays; when another is given, none is known
    case.amend(45_000, 0, "6228480012340001", "重述")
    assert case.opened.bank_account_holder_resident_id == _rid("123")
    case.amend(45_000, 0, "6228480099990002", "换卡")
    assert case.opened.bank_account_holder_resident_id is None
