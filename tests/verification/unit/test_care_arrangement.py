"""The approval of extreme-poverty support says how the person is cared for (SUP-10)."""

from __future__ import annotations

import pytest

from tests.verification.unit.test_amount_basis_and_self_care import (
    DAY,
    PERSON,
    SPOUSE,
    investigated,
)


@pytest.mark.req("SUP-10", "VER-8")
def test_an_extreme_poverty_approval_carries_the_care_arrangement() -> None:
    # given a semi-disabled extreme-poverty person investigated and noticed
    case = investigated("extreme_poverty", {PERSON: "partial", SPOUSE: "full"})
    case.submit_proposal(60_000, None, "拟保", DAY)
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", DAY, 0)
    # when the county approves scattered care (分散供养)
    case.approve(True, DAY, None, None, DAY, care_arrangement="scattered")
    # then the published approval carries it
    assert case.approved is not None and case.approved.care_arrangement == "scattered"


@pytest.mark.req("SUP-10")
def test_other_programmes_carry_no_care_arrangement() -> None:
    case = investigated("rural_dibao")
    case.submit_proposal(60_000, None, "拟保", DAY)
    case.assign_batch("b-1", "620102001")
    case.publish_notice("620102001001", DAY, 0)
    case.approve(True, DAY, None, None, DAY, care_arrangement="centralised")
    assert case.approved is not None and case.approved.care_arrangement is None
