"""SUP-1 on the real PostgreSQL: digests seal the copied trail; SQL edits are found by position."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from shared.eventstore.hashing import event_hash
from supervision.source_check import check
from tests.supervision.integration.conftest import Supervision

PROVINCE_AUDITOR = ("auditor", "62")
RESIDENT = "11010519491231002X"


async def _plant_case(supervision: Supervision, case_id: str, events: int = 3) -> None:
    await supervision.copy_in(
        "intake",
        case_id,
        "intake.ApplicationSubmitted",
        {
            "application_id": case_id,
            "division_code": "620102001",
            "members": [{"resident_id": RESIDENT, "name": "张桂兰", "relation": "self"}],
            "bank_account": "6222021234567890123",
        },
    )
    for n in range(1, events):
        await supervision.copy_in("intake", case_id, "intake.NoteAdded", {"note": n})


async def _seal(supervision: Supervision) -> dict:
    async with supervision.client() as client:
        answer = await client.post(
            "/v1/audit/digests", headers=supervision.headers(*PROVINCE_AUDITOR)
        )
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


async def _verify(supervision: Supervision) -> dict:
    async with supervision.client() as client:
        answer = await client.get(
            "/v1/audit/digests/verify", headers=supervision.headers(*PROVINCE_AUDITOR)
        )
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.mark.req("SUP-1")
async def test_digests_chain_and_seal_only_new_events(supervision: Supervision) -> None:
    # given a case of three copied events, sealed
    await _plant_case(supervision, "case-a")
    first = await _seal(supervision)
    # when two more events arrive and the next period is sealed
    await supervision.copy_in("intake", "case-a", "intake.NoteAdded", {"note": 9})
    await supervision.copy_in("intake", "case-a", "intake.NoteAdded", {"note": 10})
    second = await _seal(supervision)
    # then the second digest covers only the new positions and chains onto the first root
    assert first["ranges"] == [
        {**first["ranges"][0], "service": "intake", "from_position": 1, "to_position": 3}
    ]
    assert second["ranges"][0]["from_position"] == 4 and second["ranges"][0]["to_position"] == 5
    assert second["previous_root"] == first["root"] and second["sequence"] == 2
    # and a seal with nothing new writes nothing
    assert (await _seal(supervision)) == {"sealed": False}
    verdict = await _verify(supervision)
    assert verdict["ok"] is True and verdict["events_checked"] == 5, verdict


@pytest.mark.req("SUP-1")
async def test_a_sql_edit_of_a_copied_event_is_named_by_position(supervision: Supervision) -> None:
    # given a sealed trail
    await _plant_case(supervision, "case-b")
    await _seal(supervision)
    # when someone edits the copy of position 2 with SQL
    async with supervision.runtime.engine.begin() as conn:
        await conn.execute(
            text("UPDATE audit_trail SET data = '{\"note\": 99}' WHERE position = 2")
        )
    # then the digest verification names position 2 of the intake copy
    verdict = await _verify(supervision)
    assert verdict["ok"] is False
    assert [(f["service"], f["position"], f["stream_version"]) for f in verdict["findings"]] == [
        ("intake", 2, 2)
    ]
    assert verdict["findings"][0]["problem"] == "content does not match its hash"
    # and the case's chain verification names the same version
    async with supervision.client() as client:
        chains = (
            await client.get(
                "/v1/cases/case-b/audit-trail/verify",
                headers=supervision.headers("inspector", "62"),
            )
        ).json()
    assert chains["ok"] is False and chains["chains"][0]["first_bad_version"] == 2


@pytest.mark.req("SUP-1")
async def test_a_rewrite_that_recomputes_the_hash_is_still_caught_by_the_digest(
    supervision: Supervision,
) -> None:
    # given a sealed trail whose last event someone rewrites and re-hashes consistently
    await _plant_case(supervision, "case-c")
    await _seal(supervision)
    async with supervision.runtime.engine.begin() as conn:
        row = dict(
            (await conn.execute(text("SELECT * FROM audit_trail WHERE position = 3")))
            .one()
            ._mapping
        )
        row["data"] = {"note": "改写"}
        forged = event_hash(**{k: row[k] for k in _HASHED})
        await conn.execute(
            text(
                'UPDATE audit_trail SET data = \'{"note": "改写"}\', hash = :h WHERE position = 3'
            ),
            {"h": forged},
        )
    # when the chains are walked they hold (the forgery is self-consistent)
    async with supervision.client() as client:
        chains = (
            await client.get(
                "/v1/cases/case-c/audit-trail/verify",
                headers=supervision.headers("inspector", "62"),
            )
        ).json()
    assert chains["ok"] is True
    # then the digest still names position 3
    verdict = await _verify(supervision)
    assert [(f["position"], f["problem"]) for f in verdict["findings"]] == [
        (3, "differs from the sealed digest (hashes rewritten)")
    ]


_HASHED = (
    "prev_hash",
    "event_id",
    "stream_id",
    "stream_version",
    "type",
    "schema_version",
    "occurred_at",
    "recorded_at",
    "data",
    "metadata",
)


@pytest.mark.req("SUP-1")
async def test_the_export_masks_personal_data_and_prints_in_chinese(
    supervision: Supervision,
) -> None:
    # given a case with a resident ID and a bank account in its data
    await _plant_case(supervision, "case-d", events=1)
    sealed = await _seal(supervision)
    async with supervision.client() as client:
        inspector = supervision.headers("inspector", "620102")
        # when its trail is exported as JSON and as HTML
        exported = await client.get("/v1/cases/case-d/audit-trail/export", headers=inspector)
        page = await client.get(
            "/v1/cases/case-d/audit-trail/export", params={"format": "html"}, headers=inspector
        )
        # and someone from another county asks
        outsider = await client.get(
            "/v1/cases/case-d/audit-trail/export",
            headers=supervision.headers("inspector", "620103"),
        )
    # then the JSON carries the envelope and hashes with IDs, names and accounts masked
    assert exported.status_code == 200
    body = exported.json()
    assert body["chains_ok"] is True
    entry = body["entries"][0]
    assert entry["actor"]["role"] == "township_officer" and entry["reason"] == "测试"
    assert entry["sealed_in_digest"] == {"sequence": 1, "root": sealed["root"]}
    member = entry["data"]["members"][0]
    assert member["resident_id"] == "110***********002X" and member["name"] == "张**"
    assert entry["data"]["bank_account"].endswith("0123") and "622202123456789" not in exported.text
    # and the page is printable Chinese with the chain verdict
    assert page.headers["content-type"].startswith("text/html")
    assert "案件全程留痕记录" in page.text and "哈希链校验通过" in page.text
    assert f"第1期 {sealed['root'][:16]}" in page.text
    assert RESIDENT not in page.text
    # and the trail is refused outside the case's jurisdiction
    assert outsider.status_code == 403


@pytest.mark.req("SUP-1")
async def test_the_ops_source_check_names_a_position_edited_in_the_source_database(
    supervision: Supervision, database_url: str
) -> None:
    # given three intake events copied into the trail
    await _plant_case(supervision, "case-e")
    source_url = supervision.source.engine.url.render_as_string(hide_password=False)
    assert await check("intake", source_url, database_url) == []
    # when position 2 is edited with SQL in the source service's own database
    async with supervision.source.engine.begin() as conn:
        await conn.execute(text("UPDATE events SET data = '{\"note\": 7}' WHERE position = 2"))
    # then the database-to-database check names position 2, against its chain and the copy
    findings = await check("intake", source_url, database_url)
    assert {(f.position, f.problem) for f in findings} == {
        (2, "source chain broken: content does not match its hash"),
        (2, "differs from supervision's copy"),
    }


@pytest.mark.req("SUP-1")
async def test_the_trail_is_read_a_page_at_a_time(supervision: Supervision) -> None:
    # given a case of five events
    await _plant_case(supervision, "case-f", events=5)
    headers = supervision.headers("inspector", "620102")
    async with supervision.client() as client:
        # when it is read two at a time
        seen, cursor, pages = [], None, 0
        while True:
            params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
            page = (await client.get("/v1/cases/case-f/audit-trail", params=params,
                                     headers=headers)).json()  # fmt: skip
            seen += [e["stream_version"] for e in page["entries"]]
            pages, cursor = pages + 1, page["next_cursor"]
            if cursor is None:
                break
        missing = await client.get("/v1/cases/nothing/audit-trail", headers=headers)
    # then every event comes once, in order, over three pages
    assert seen == [1, 2, 3, 4, 5] and pages == 3
    assert page["services"] == ["intake"]
    assert missing.status_code == 404
