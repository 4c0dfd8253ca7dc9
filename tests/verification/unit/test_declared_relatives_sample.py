"""INT-10 / VER-5: a declared relative's household is in the sample whatever the seed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from verification.domain.batch import CountyBatch, draw_sample, full_sample

HOUSEHOLDS = [f"case-{i:02d}/urban_dibao" for i in range(10)]


@pytest.mark.req("INT-10", "VER-5")
@pytest.mark.parametrize("seed", [f"seed-{n}" for n in range(40)])
def test_the_relative_is_sampled_beside_the_random_draw(seed: str) -> None:
    # given a batch of ten with one declared relative's household
    batch = CountyBatch("b-1")
    # when the sample is drawn with any seed
    batch.form("620102", "620102001", HOUSEHOLDS, Decimal("0.30"), seed,
               declared_relatives=("case-07/urban_dibao",))  # fmt: skip
    drawn = batch.drawn
    assert drawn is not None
    # then the sample is the recorded random draw plus the relative, and an auditor re-derives it
    random_part = set(draw_sample(seed, HOUSEHOLDS, Decimal("0.30")))
    assert len(random_part) == 3
    assert set(drawn.sample) == random_part | {"case-07/urban_dibao"}
    assert drawn.declared_relatives == ("case-07/urban_dibao",)
    assert drawn.sample == full_sample(seed, HOUSEHOLDS, Decimal("0.30"), drawn.declared_relatives)
