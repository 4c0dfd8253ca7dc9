"""The care register on the real store and read models (VER-10): a registration repeated with
its Idempotency-Key is one child, and the children and screenings lists rebuild from zero to
exactly their live state (DESIGN property 5)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from shared.identity import check_char
from tests.verification.conftest import Verifying
from tests.verification.support import TODAY, TOWNSHIP

VILLAGE = f"{TOWNSHIP}001"


def child_id_number(sequence: int) -> str:
    """The resident ID of a child born on 1 January ten years before the pinned today."""
    first17 = f"620102{TODAY.year - 10}0101{sequence:03d}"
    return first17 + check_char(first17)


CHILD = {
    "resident_id": child_id_number(501), "name": "马小花", "division_code": VILLAGE,
    "registration": "rural", "category": "orphan", "guardianship_status": "institutional",
    "guardian": {"name": "城关区儿童福利院", "relation": "institution",
                 "bank_account": "6228480012345678901"},
}  # fmt: skip


async def _rows(verifying: Verifying, table: str) -> list[dict[str, Any]]:
    async with verifying.runtime.engine.connect() as conn:
        return [dict(r._mapping) for r in await conn.execute(text(f"SELECT * FROM {table}"))]


@pytest.mark.req("VER-10", "GEN-1")
async def test_the_register_is_idempotent_and_its_lists_rebuild_to_the_live_state(
    verifying: Verifying,
) -> None:
    # given an orphan registered twice with the same Idempotency-Key
    first = await verifying.township.post("/v1/children", CHILD, key="reg-501")
    repeat = await verifying.township.post("/v1/children", CHILD, key="reg-501")
    assert first.status_code == repeat.status_code == 201, first.text
    assert first.json()["child_id"] == repeat.json()["child_id"]
    path = f"/v1/children/{first.json()['child_id']}"
    # and visited, granted the allowance, and a disabled person screened and included
    visit = {"visited_on": TODAY.isoformat(), "visited_by": ["王明"], "notes": "生活照料良好",
             "guardianship_status": "institutional"}  # fmt: skip
    assert (await verifying.township.post(f"{path}/care-visits", visit, if_match=1)).is_success
    grant = {"allowance": "orphan_allowance", "decision": "grant", "reason": "符合条件",
             "effective_from": TODAY.isoformat(), "policy_basis": "孤儿保障办法"}  # fmt: skip
    granted = await verifying.county.post(f"{path}/allowance-assessments", grant, if_match=2)
    assert granted.status_code == 200, granted.text
    adult = "62010219600101011"
    person = {"resident_id": adult + check_char(adult), "name": "赵建国",
              "division_code": VILLAGE, "disability_kind": "mental",
              "disability_grade": 2, "has_living_source": False, "supporter": "unable"}  # fmt: skip
    screened = await verifying.township.post("/v1/extreme-poverty-inclusions", person)
    assert screened.json()["status"] == "flagged", screened.text
    decision = {"decision": "include", "reason": "纳入特困供养", "application_ref": "INT-1"}
    decided = await verifying.county.post(
        f"/v1/extreme-poverty-inclusions/{screened.json()['screening_id']}/decision",
        decision, if_match=1,
    )  # fmt: skip
    assert decided.status_code == 200, decided.text
    # when the read models are caught up, then rebuilt from zero
    projections = verifying.runtime.projections
    await projections.catch_up_all()
    children, screenings = (
        await _rows(verifying, "children_view"),
        await _rows(verifying, "inclusion_view"),
    )
    await projections.rebuild("verification.children_view")
    await projections.rebuild("verification.inclusion_view")
    # then they equal the live state: one child, visited once, with the allowance; one inclusion
    assert await _rows(verifying, "children_view") == children
    assert await _rows(verifying, "inclusion_view") == screenings
    assert [(c["visits"], c["allowance"], c["version"]) for c in children] == [
        (1, "orphan_allowance", 3)
    ]
    assert [(s["status"], s["decided_on"]) for s in screenings] == [("include", TODAY)]
