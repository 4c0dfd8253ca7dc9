"""The complaint aggregate's rules, without I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from shared.domain.errors import DomainError
from supervision.domain.complaint import (
    Allegation,
    AssignedToSelf,
    Complainant,
    Complaint,
    ComplaintChannel,
    ComplaintReceived,
    ComplaintStateError,
    CorrectiveAction,
    CorrectiveActionOrdered,
    MissingCase,
    NotTheHandlingInspector,
)


def _received(anonymous: bool = False, who: Complainant | None = None) -> ComplaintReceived:
    return ComplaintReceived(
        "c1", ComplaintChannel.LETTER, anonymous, who, "620102001", "case-1",
        Allegation.REDISTRIBUTION, "多户低保金打入同一账户", date(2026, 11, 30), date(2026, 12, 21),
    )  # fmt: skip


def _action() -> CorrectiveActionOrdered:
    return CorrectiveActionOrdered(
        "a1", "case-1", CorrectiveAction.RECOVER_OVERPAYMENT, "urban_dibao", 120_000, "追回", "c1"
    )


@pytest.mark.req("SUP-2")
def test_a_named_complaint_needs_its_complainant_an_anonymous_one_does_not() -> None:
    with pytest.raises(DomainError):
        Complaint("c1").receive(_received())
    anonymous = Complaint("c1")
    anonymous.receive(_received(anonymous=True))
    assert anonymous.status == "received"


@pytest.mark.req("SUP-2")
def test_only_the_assigned_inspector_verifies_and_orders_after_an_upheld_finding() -> None:
    complaint = Complaint("c1")
    complaint.receive(_received(who=Complainant("李举报")))
    with pytest.raises(AssignedToSelf):  # whoever assigns does not handle
        complaint.assign("wang", assigned_by="wang")
    complaint.assign("wang", assigned_by="chief")
    with pytest.raises(NotTheHandlingInspector):
        complaint.verify("zhao", True, "x")
    with pytest.raises(ComplaintStateError):
        complaint.order("wang", _action())
    complaint.verify("wang", True, "查实")
    complaint.order("wang", _action())
    complaint.close("wang", "已追回")
    assert complaint.status == "closed" and [a.amount_fen for a in complaint.actions] == [120_000]
    with pytest.raises(ComplaintStateError):
        complaint.assign("li", assigned_by="chief")


@pytest.mark.req("SUP-2")
def test_overdue_is_recorded_once_and_never_after_closing() -> None:
    complaint = Complaint("c1")
    complaint.receive(_received(anonymous=True))
    complaint.flag_overdue()
    complaint.flag_overdue()
    assert [type(e).__name__ for e in complaint.pending].count("ComplaintOverdue") == 1


@pytest.mark.req("SUP-2")
def test_a_corrective_action_applies_to_the_case_named_else_to_the_complaints_subject() -> None:
    about_a_case = Complaint("c1")
    about_a_case.receive(_received(anonymous=True))
    assert about_a_case.case_for_action(None) == "case-1"
    assert about_a_case.case_for_action("case-2") == "case-2"
    about_nothing = Complaint("c2")
    about_nothing.receive(replace(_received(anonymous=True), subject_case_id=None))
    with pytest.raises(MissingCase) as refused:
        about_nothing.case_for_action(None)
    assert refused.value.code == "case-id-required"
    assert refused.value.extensions["field"] == "case_id"
