"""Children's allowances in payments without I/O (PAY-9): versioned standards like PAY-1, one
child paid the standard per month, recomputed on a raise (PAY-4), and the contract payments
reads of verification's assessment."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

from payments.application.enrol import recomputed
from payments.domain.beneficiary import BeneficiaryEnrolled
from payments.domain.entitlement import Household, compute
from payments.domain.standards import StandardSet
from payments.reactions.child_allowances import ChildAllowanceAssessed as Contract
from payments.schemas import StandardCreate
from verification.domain.children import ChildAllowanceAssessed

SINCE = date(2027, 1, 1)  # the pinned effective date of these stories
COUNTY = "620104"


def orphan_standard(fen: int, since: date = SINCE) -> StandardSet:
    """The county's orphan allowance standard per child per month."""
    return StandardSet(COUNTY, "orphan_allowance", since, fen)


@pytest.mark.req("PAY-9", "PAY-1")
def test_the_childrens_allowances_are_standards_set_like_any_other() -> None:
    body = {"division_code": COUNTY, "effective_from": SINCE.isoformat(), "reason": "县级发文",
            "monthly_per_person_fen": 120_000}  # fmt: skip
    for programme in ("orphan_allowance", "child_in_difficulty_allowance"):
        assert StandardCreate.model_validate({**body, "programme": programme}).programme
    with pytest.raises(ValidationError):
        StandardCreate.model_validate({**body, "programme": "children_allowance"})


@pytest.mark.req("PAY-9", "PAY-4")
def test_a_child_is_paid_the_standard_per_month_and_recomputed_when_it_rises() -> None:
    # given one orphan enrolled by rule under a standard of 1,200 yuan
    child = Household("orphan_allowance", 1, 0, None, 0)
    computed = compute(child, orphan_standard(120_000))
    assert (computed.monthly_amount_fen, computed.method) == (120_000, "fixed")
    enrolled = BeneficiaryEnrolled(
        "child-1", "orphan_allowance", "620104001001", COUNTY, "rural", 1, 0, None, 0,
        computed.monthly_amount_fen, SINCE, "王秀兰", "6228480012345678901",
    )  # fmt: skip
    # when the standard rises to 1,350.50 yuan
    raised = recomputed(enrolled, orphan_standard(135_050))
    # then the child's entitlement is the new standard, to the fen
    assert raised.monthly_amount_fen == 135_050


@pytest.mark.req("PAY-9")
def test_payments_reads_the_assessment_verification_publishes() -> None:
    # given the event as verification stores and publishes it
    assessed = ChildAllowanceAssessed(
        "child-1", "child_in_difficulty_allowance", "granted", "620104001001", COUNTY, "urban",
        "poor_disabled", SINCE, "符合条件", "文件依据", "规则", "officer-1", SINCE, "李桂芝", None,
    )  # fmt: skip
    data = TypeAdapter(ChildAllowanceAssessed).dump_python(assessed, mode="json")
    # when payments reads it through its contract
    contract = Contract.model_validate(data)
    # then it has what enrolment needs
    assert (contract.child_id, contract.allowance, contract.effective_from) == (
        "child-1", "child_in_difficulty_allowance", SINCE,
    )  # fmt: skip
    assert (contract.payee_name, contract.bank_account) == ("李桂芝", None)
