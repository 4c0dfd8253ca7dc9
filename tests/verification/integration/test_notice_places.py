"""VER-6: the village notice board names the village and township the register knows."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from shared.places.store import load_places
from tests.verification.conftest import Verifying
from tests.verification.integration.test_county import approved_case
from tests.verification.support import VILLAGE

PLACES = (
    "code,name,level,parent,valid_from,valid_to\n"
    "620102001,甲街道,township,620102,2001-01-01,\n"
    "620102001001,丁社区,village,620102001,2001-01-01,\n"
).encode()


@pytest.mark.req("VER-6")
async def test_the_notice_board_shows_the_registered_names(verifying: Verifying) -> None:
    # given an approved household in a village, before and after the register is loaded
    await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    village = verifying.as_("village_committee", VILLAGE)
    before = (await village.get(f"/v1/notices/{VILLAGE}")).json()
    await load_places(verifying.runtime.engine, PLACES, file_name="p.csv", loaded_by="ops",
                      at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip
    # when the board is read as JSON and as the printable page
    notice = (await village.get(f"/v1/notices/{VILLAGE}")).json()
    page = await village.get(f"/v1/notices/{VILLAGE}/print")
    # then the village's and township's names head it; before the load only the county's
    assert "village_name" not in before and before["county_name"] == "城关区"
    assert (notice["village_name"], notice["township_name"]) == ("丁社区", "甲街道")
    assert f"城关区甲街道丁社区 {VILLAGE}" in page.text


@pytest.mark.req("VER-6")
@pytest.mark.parametrize("code", ["620102", "6201", "62"])
async def test_a_board_is_read_for_a_township_or_village_never_a_wider_code(
    verifying: Verifying, code: str
) -> None:
    # given an approved household of the village
    await approved_case(verifying)
    await verifying.runtime.projections.catch_up_all()
    reader = verifying.as_("province_officer", "62")
    # when the board of a county, city or the province is asked for
    answer = await reader.get(f"/v1/notices/{code}")
    # then the code is refused by name: notices are posted where households live
    assert answer.status_code == 422, answer.text
    assert [e["field"] for e in answer.json()["errors"]] == ["path.village_code"]
    # while a township's board (households registered at the township itself) is read
    township = await reader.get(f"/v1/notices/{VILLAGE[:9]}")
    assert township.status_code == 200 and township.json()["entries"] == []
