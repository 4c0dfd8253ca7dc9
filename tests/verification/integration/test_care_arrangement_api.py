"""The county's decision states the care arrangement; only extreme poverty publishes it (SUP-10)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import decide, proposed_batch, visit


@pytest.mark.req("SUP-10")
async def test_the_decision_accepts_a_care_arrangement_and_a_bad_one_is_refused(
    verifying: Verifying,
) -> None:
    # given a dibao case past its notice period
    batch = await proposed_batch(verifying, n=1)
    await visit(verifying, batch, batch["sample"][0])
    case_id = batch["households"][0].split("/")[0]
    await verifying.township.step(case_id, "notice", {})
    verifying.clock.advance(timedelta(days=8))
    # when the county names an unknown arrangement, then a known one
    bad = await decide(verifying, case_id, care_arrangement="at_home")
    good = await decide(verifying, case_id, care_arrangement="centralised")
    # then the unknown one is refused, and a dibao approval publishes no arrangement
    assert bad.status_code == 422
    assert good.status_code == 200, good.text
    [approved] = await verifying.events("verification.CaseApproved")
    assert approved["care_arrangement"] is None
