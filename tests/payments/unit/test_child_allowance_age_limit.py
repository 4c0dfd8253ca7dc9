"""A child's allowance in payments without I/O (PAY-9, ADR 0042): payable through the month the
grant names as the age limit's, ended once after it by the system with the rule and its policy;
the public view does not tell the month."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

import pytest
from pydantic import TypeAdapter

from payments.domain.age_limit import ChildAllowanceAgeLimitReached
from payments.domain.beneficiary import Beneficiary, BeneficiaryEnrolled, EntitlementCalculated
from payments.reactions.child_allowances import ChildAllowanceAssessed as Contract
from shared.privacy import public_view
from verification.domain.children import ChildAllowanceAssessed

SINCE = date(2027, 3, 1)  # the pinned start of these stories
LAST = "2027-04"  # the month the child reaches the age limit


def enrolled_child(last_paid: str | None = LAST) -> Beneficiary:
    """An orphan enrolled at 1,200 yuan a month, with the grant's age limit and last month."""
    beneficiary = Beneficiary("child-1:orphan_allowance")
    beneficiary.enrol(
        BeneficiaryEnrolled(
            "child-1", "orphan_allowance", "620502001001", "620502", "rural", 1, 0, None, 0,
            120_000, SINCE, "马桂英", "6228480012345670502", age_limit=18,
            age_limit_policy_version=3, coming_of_age_period=last_paid,
        ),
        EntitlementCalculated(
            "child-1", "orphan_allowance", 120_000, SINCE, "fixed", 120_000, "standard", "标准"
        ),
    )  # fmt: skip
    return beneficiary


@pytest.mark.req("PAY-9")
def test_the_child_is_payable_through_the_month_of_the_age_limit_and_not_after() -> None:
    child = enrolled_child()
    assert [child.past_age_limit(p) for p in ("2027-03", LAST, "2027-05", "2028-01")] == [
        False, False, True, True,
    ]  # fmt: skip
    # a grant recorded before ADR 0042 names no month: nothing is decided by age
    assert not enrolled_child(None).past_age_limit("2099-12")


@pytest.mark.req("PAY-9", "GEN-4")
def test_the_run_ends_the_allowance_once_naming_the_rule_and_its_policy() -> None:
    # given a child past the age limit when the May run meets it
    child = enrolled_child()
    # when the run records the end, then a later run meets it again
    assert child.reach_age_limit("run-5", "2027-05", date(2027, 5, 1))
    assert not child.reach_age_limit("run-6", "2027-06", date(2027, 5, 1))
    # then one event says why, under which policy, from when; the benefit is terminated
    [end] = [e for e in child.pending if isinstance(e, ChildAllowanceAgeLimitReached)]
    assert (end.age_limit, end.policy, end.policy_version, end.basis) == (
        18, "verification.child_allowance_age_limit", 3, "children-register",
    )  # fmt: skip
    assert (end.coming_of_age_period, end.coming_of_age_stopped_from) == (LAST, date(2027, 5, 1))
    assert (child.status, child.payable_in(date(2027, 5, 1))) == ("terminated", False)
    assert child.payable_in(date(2027, 4, 1))  # April's run, even after May's, still pays it
    assert "18" in end.reason and LAST not in end.reason


@pytest.mark.req("PAY-9", "GEN-7")
def test_the_public_view_of_the_end_and_the_enrolment_does_not_tell_the_month() -> None:
    child = enrolled_child()
    child.reach_age_limit("run-5", "2027-05", date(2027, 5, 1))
    for event in child.pending:
        public = public_view(json.loads(json.dumps(asdict(event), default=str)), b"k" * 32)
        assert not any("coming_of_age" in key for key in public), type(event).__name__


@pytest.mark.req("PAY-9")
def test_payments_reads_the_age_limit_from_the_assessment_verification_publishes() -> None:
    assessed = ChildAllowanceAssessed(
        "child-1", "orphan_allowance", "granted", "620502001001", "620502", "rural", "orphan",
        SINCE, "符合条件", "文件依据", "规则", "officer-1", SINCE, "马桂英", None, 18, 3, LAST,
    )  # fmt: skip
    data = TypeAdapter(ChildAllowanceAssessed).dump_python(assessed, mode="json")
    contract = Contract.model_validate(data)
    assert (contract.age_limit, contract.age_limit_policy_version) == (18, 3)
    assert contract.coming_of_age_period == LAST
