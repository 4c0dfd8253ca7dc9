"""A benefit paid again after a stop, in payments without I/O (PAY-3, ADR 0066): the months
between the stop and the resumption stay unpaid, the household is the members alive."""

from __future__ import annotations

from datetime import date

import pytest

from payments.domain.beneficiary import (
    Beneficiary,
    BeneficiaryClosed,
    BeneficiaryEnrolled,
    BeneficiaryResumed,
    EntitlementCalculated,
)

SINCE = date(2027, 1, 1)  # the pinned start of these stories


def enrolled_couple() -> Beneficiary:
    """A two-person household enrolled at 1,200 yuan a month."""
    beneficiary = Beneficiary("c-1:urban_dibao")
    beneficiary.enrol(
        BeneficiaryEnrolled(
            "c-1", "urban_dibao", "620102001001", "620102", "urban", 2, 0, None, 120_000,
            120_000, SINCE, "马桂英", "6228480012345670102",
        ),
        EntitlementCalculated(
            "c-1", "urban_dibao", 120_000, SINCE, "approved", 120_000, "approved", "核定"
        ),
    )  # fmt: skip
    return beneficiary


def payable(beneficiary: Beneficiary, months: range) -> list[bool]:
    return [beneficiary.payable_in(date(2027, m, 1)) for m in months]


@pytest.mark.req("PAY-3")
def test_a_resumed_benefit_is_payable_again_and_the_gap_stays_unpaid() -> None:
    couple = enrolled_couple()
    assert not couple.resume(date(2027, 3, 1), "未暂停", 2)  # nothing to lift
    couple.suspend(date(2027, 3, 1), "家庭成员死亡，待县级复核")
    assert payable(couple, range(2, 6)) == [True, False, False, False]
    assert couple.resume(date(2027, 5, 1), "按一人户恢复发放", 1)
    assert payable(couple, range(2, 7)) == [True, False, False, True, True]
    assert (couple.status, couple.household_size) == ("active", 1)
    [event] = [e for e in couple.pending if isinstance(e, BeneficiaryResumed)]
    assert (event.effective_from, event.household_size) == (date(2027, 5, 1), 1)
    # a later stop stops again, and the lifted gap is still unpaid
    couple.suspend(date(2027, 8, 1), "待核实")
    assert payable(couple, range(3, 10)) == [False, False, True, True, True, False, False]


@pytest.mark.req("PAY-3")
def test_a_resumption_from_the_stop_itself_leaves_no_gap_and_a_termination_is_final() -> None:
    couple = enrolled_couple()
    couple.suspend(date(2027, 3, 1), "家庭成员死亡，待县级复核")
    couple.resume(date(2027, 3, 1), "按一人户恢复发放", 1)
    assert all(payable(couple, range(1, 13)))
    couple.terminate(date(2027, 6, 1), "迁出本县")
    with pytest.raises(BeneficiaryClosed):
        couple.resume(date(2027, 7, 1), "误操作", 1)


@pytest.mark.req("PAY-2", "PAY-3")
def test_the_countys_latest_amount_holds_for_every_later_month() -> None:
    couple = enrolled_couple()
    # given an adjustment decided for May, then a stop from March
    couple.recalculate(
        EntitlementCalculated(
            "c-1", "urban_dibao", 80_000, date(2027, 5, 1), "approved", 80_000, "调整", "调整"
        )
    )
    couple.suspend(date(2027, 3, 1), "家庭成员死亡，待县级复核")
    # when the county resumes from March at 600 yuan
    couple.resume(date(2027, 3, 1), "按一人户恢复发放", 1)
    couple.recalculate(
        EntitlementCalculated(
            "c-1", "urban_dibao", 60_000, date(2027, 3, 1), "approved", 60_000, "恢复", "恢复"
        )
    )
    # then 600 yuan holds from March on: the earlier decision for May is replaced
    assert [couple.amount_on(date(2027, m, 28)) for m in (2, 3, 5, 9)] == [
        120_000, 60_000, 60_000, 60_000,
    ]  # fmt: skip
