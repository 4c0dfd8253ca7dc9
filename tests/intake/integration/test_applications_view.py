"""applications_view folds a batch's submissions with their routes: the same rows as one by one."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from tests.intake.conftest import APPLICANT, SIGNED_ON, SPOUSE, Intake, body

VIEW = "intake.applications_view"
OTHER = "110105197001010011"
RELATIVE = {
    "member_resident_id": APPLICANT,
    "official_name": "李建国",
    "official_role": "village_cadre",
    "official_org": "某村村民委员会",
    "kinship": "sibling",
}


async def _rows(intake: Intake) -> list[tuple[Any, ...]]:
    async with intake.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT application_id, version, status, programmes, routes, staff_relative,"
                " declared_monthly_income_fen FROM applications_view ORDER BY application_id"
            )
        )
        return [tuple(r) for r in rows]


@pytest.mark.req("INT-4")
async def test_a_folded_batch_gives_the_rows_of_one_event_at_a_time(intake: Intake) -> None:
    # given applications with one and two programmes, a staff relative, then an amendment and a
    # withdrawal of earlier ones, all in the log before any projection ran
    async with intake.client() as client:
        two_programmes = body(
            programmes=["urban_dibao", "medical_assistance"],
            members=[{"resident_id": SPOUSE, "name": "王建军", "relation": "self"}],
            authorisation={"signed_by_resident_id": SPOUSE, "signed_on": SIGNED_ON,
                           "document_ref": "授权-2"},
        )  # fmt: skip
        plain = body(
            members=[{"resident_id": OTHER, "name": "赵晓梅", "relation": "self"}],
            authorisation={"signed_by_resident_id": OTHER, "signed_on": SIGNED_ON,
                           "document_ref": "授权-3"},
        )  # fmt: skip
        created = [
            await client.post("/v1/applications", json=b, headers=intake.headers())
            for b in (body(staff_relatives=[RELATIVE]), two_programmes, plain)
        ]
        assert [c.status_code for c in created] == [201, 201, 201], created[-1].text
        first, second, third = (c.json() for c in created)
        amended = await client.post(
            f"/v1/applications/{first['application_id']}/amendments",
            json={"declared_monthly_income_fen": 30_000, "declared_assets_fen": 0,
                  "reason": "收入变化"},
            headers=intake.headers(if_match=first["version"]),
        )  # fmt: skip
        assert amended.status_code == 200, amended.text
        withdrawn = await client.post(
            f"/v1/applications/{second['application_id']}/withdrawal",
            json={"reason": "申请人撤回"},
            headers=intake.headers(if_match=second["version"]),
        )
        assert withdrawn.status_code == 200, withdrawn.text

    # when the view is built one event at a time, and rebuilt from zero in one folded batch
    intake.runtime.projections.batch_size = 1
    await intake.runtime.projections.catch_up(VIEW)
    one_at_a_time = await _rows(intake)
    intake.runtime.projections.batch_size = 1000
    await intake.runtime.projections.rebuild(VIEW)

    # then both give the same rows: routes, versions, statuses and flags
    assert await _rows(intake) == one_at_a_time
    by_id = {row[0]: row for row in one_at_a_time}
    assert (
        len(by_id[second["application_id"]][4]) == 2
        and by_id[second["application_id"]][2] == "withdrawn"
    )
    assert by_id[third["application_id"]][1:3] == (2, "open")  # submitted, routed
    assert by_id[first["application_id"]][5] is True and by_id[first["application_id"]][6] == 30_000
