"""GEN-5 / DESIGN 10 on the real PostgreSQL: every store is sealed and re-verified on a schedule.

A stand-in intake store (a database of its own) seals itself; its digest reaches supervision as any
published event does. Rows are then edited with SQL in intake's own database, and the next
scheduled store check (one iteration of supervision's loop) raises a `store_tampered` alert
naming the store, the stream and the position.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from shared.clock import ManualClock
from shared.eventstore.hashing import event_hash
from shared.eventstore.sealing import STORE_DIGEST_STREAM, seal_store
from shared.eventstore.store import EventStore
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging.kafka import KafkaConfig
from shared.runtime import ServiceConfig
from supervision.application.digest import seal_digest_now
from supervision.application.store_check import StoreCheck
from supervision.bootstrap import build
from supervision.reactions.audit_trail import record_in_audit_trail
from tests.supervision.integration.conftest import Supervision

HASHED = (
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


@pytest.fixture
async def sealed(
    database_url: str, tmp_path: Path, source_store: EventStore, clock: ManualClock
) -> AsyncIterator[Supervision]:
    """Supervision that can re-read the stand-in intake database, as the composition root wires."""
    private, public = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    source_url = source_store.engine.url.render_as_string(hide_password=False)
    config = ServiceConfig(
        service="supervision",
        database_url=database_url,
        kafka=KafkaConfig("127.0.0.1:1", False, "test"),
        token_public_key_pem=public,
        jwt_issuer="test",
        jwt_audience="safetynet",
        source_database_urls={"intake": source_url},
    )
    runtime = build(replace(config, clock=clock))
    await runtime.migrate()
    yield Supervision(runtime, clock, TokenSigner(private, "test", "safetynet"), source_store)
    await runtime.engine.dispose()


async def _two_cases_sealed(s: Supervision) -> None:
    """Positions 1-3 are intake:case-1 v1-3, 4-6 intake:case-2 v1-3; intake seals them (7)."""
    for case in ("case-1", "case-2"):
        await s.copy_in("intake", case, "intake.ApplicationSubmitted", {"application_id": case})
        for note in (1, 2):
            await s.copy_in("intake", case, "intake.NoteAdded", {"note": note})
    assert await seal_store(s.source.engine, s.source, "intake", s.clock) is not None
    await _deliver_digests(s)
    await seal_digest_now(s.runtime.engine, s.runtime.store, s.runtime.registry, s.clock, "测试")


async def _deliver_digests(s: Supervision) -> None:
    """What the relay and supervision's audit consumer do with intake's digest events."""
    async with s.runtime.engine.begin() as conn:
        for event in await s.source.read_stream(STORE_DIGEST_STREAM):
            await record_in_audit_trail(event, conn)


async def _check(s: Supervision) -> StoreCheck:
    verdict: StoreCheck = await s.runtime.app.state.check_stores()
    return verdict


async def _alerts(s: Supervision) -> dict[tuple[str, str, int], dict[str, Any]]:
    async with s.runtime.engine.connect() as conn:
        rows = await conn.execute(
            text("SELECT data FROM events WHERE type = 'supervision.AlertRaised'")
        )
        evidence = [r.data["evidence"] for r in rows if r.data["detector"] == "store_tampered"]
    return {(e["store"], e["stream_id"], e["position"]): e for e in evidence}


async def _source(s: Supervision, sql: str, **params: Any) -> None:
    async with s.source.engine.begin() as conn:
        await conn.execute(text(sql), params)


async def _row(s: Supervision, position: int) -> dict[str, Any]:
    async with s.source.engine.connect() as conn:
        result = await conn.execute(
            text("SELECT * FROM events WHERE position = :p"), {"p": position}
        )
        return dict(result.one()._mapping)


@pytest.mark.req("GEN-5", "SUP-1")
async def test_each_store_seals_chained_digests_and_an_untouched_store_raises_nothing(
    sealed: Supervision,
) -> None:
    # given intake's store sealed once over positions 1-6
    await _two_cases_sealed(sealed)
    # when another event arrives and intake seals again, then seals with nothing new
    await sealed.copy_in("intake", "case-1", "intake.NoteAdded", {"note": 3})
    second = await seal_store(sealed.source.engine, sealed.source, "intake", sealed.clock)
    idle = await seal_store(sealed.source.engine, sealed.source, "intake", sealed.clock)
    await _deliver_digests(sealed)
    first = (await sealed.source.read_stream(STORE_DIGEST_STREAM))[0].data
    # then the first covers 1-6, the second 7-8 (the first digest and the new event), chained
    assert (first["from_position"], first["to_position"], first["events"]) == (1, 6, 6)
    assert second is not None and second.sequence == 2 and second.previous_root == first["root"]
    assert (second.from_position, second.to_position, second.events) == (7, 8, 2)
    assert idle is None  # a digest alone is not sealed again every period
    # and the scheduled check finds nothing in intake's store, the copy or the trail digests
    verdict = await _check(sealed)
    assert verdict.findings == [] and verdict.digests_checked == 2
    assert await _alerts(sealed) == {}


@pytest.mark.req("GEN-5", "SUP-1")
async def test_an_edited_event_in_the_source_store_is_named_by_store_stream_and_position(
    sealed: Supervision,
) -> None:
    # given a sealed intake store
    await _two_cases_sealed(sealed)
    # when position 2 is edited with SQL in intake's own database
    await _source(sealed, "UPDATE events SET data = '{\"note\": 99}' WHERE position = 2")
    # then the next scheduled check raises one alert naming intake, intake:case-1, position 2
    await _check(sealed)
    alerts = await _alerts(sealed)
    assert set(alerts) == {("intake", "intake:case-1", 2)}
    assert "content does not match its hash" in alerts["intake", "intake:case-1", 2]["problems"]
    # and a later check does not raise it again
    assert (await _check(sealed)).alerts_raised == 0


@pytest.mark.req("GEN-5", "SUP-1")
async def test_an_edit_that_recomputes_the_stream_chain_is_still_caught(
    sealed: Supervision,
) -> None:
    # given a sealed intake store
    await _two_cases_sealed(sealed)
    # when position 2 is rewritten and its hash and the rest of its stream's chain recomputed
    edited = await _row(sealed, 2)
    edited["data"] = {"note": "改写"}
    forged = event_hash(**{k: edited[k] for k in HASHED})
    await _source(
        sealed,
        'UPDATE events SET data = \'{"note": "改写"}\', hash = :h WHERE position = 2',
        h=forged,
    )
    following = await _row(sealed, 3)
    following["prev_hash"] = forged
    await _source(
        sealed,
        "UPDATE events SET prev_hash = :p, hash = :h WHERE position = 3",
        p=forged,
        h=event_hash(**{k: following[k] for k in HASHED}),
    )
    assert (await sealed.source.verify_stream("intake:case-1")).ok  # self-consistent forgery
    # then the check still names intake, intake:case-1, position 2 (the sealed root disagrees)
    verdict = await _check(sealed)
    alerts = await _alerts(sealed)
    assert ("intake", "intake:case-1", 2) in alerts
    assert {key[0] for key in alerts} == {"intake"}
    assert "differs from supervision's copy" in alerts["intake", "intake:case-1", 2]["problems"]
    assert any(f.position == 2 and f.check == "source" for f in verdict.findings)


@pytest.mark.req("GEN-5", "SUP-1")
async def test_a_deleted_event_in_the_source_store_is_named(sealed: Supervision) -> None:
    # given a sealed intake store
    await _two_cases_sealed(sealed)
    # when position 5 (intake:case-2 v2) is deleted in intake's own database
    await _source(sealed, "DELETE FROM events WHERE position = 5")
    # then the check names intake, intake:case-2, position 5 as missing
    await _check(sealed)
    alerts = await _alerts(sealed)
    assert "missing at source" in alerts["intake", "intake:case-2", 5]["problems"]
    assert {key[0] for key in alerts} == {"intake"}


@pytest.mark.req("GEN-5", "SUP-1")
async def test_two_events_whose_positions_were_swapped_are_both_named(
    sealed: Supervision,
) -> None:
    # given a sealed intake store
    await _two_cases_sealed(sealed)
    # when positions 3 (intake:case-1 v3) and 4 (intake:case-2 v1) are swapped in intake's database
    await _source(sealed, "UPDATE events SET position = 1000000 WHERE position = 3")
    await _source(sealed, "UPDATE events SET position = 3 WHERE position = 4")
    await _source(sealed, "UPDATE events SET position = 4 WHERE position = 1000000")
    assert (await sealed.source.verify_stream("intake:case-1")).ok  # each chain still holds
    # then the check names both positions, each with the stream now found there
    await _check(sealed)
    alerts = await _alerts(sealed)
    assert set(alerts) == {("intake", "intake:case-2", 3), ("intake", "intake:case-1", 4)}
    assert all("differs from supervision's copy" in a["problems"] for a in alerts.values())


@pytest.mark.req("GEN-5", "SUP-1")
async def test_a_rewritten_copy_in_supervision_is_named_by_the_received_digest(
    sealed: Supervision,
) -> None:
    # given a sealed intake store and supervision's copy of it
    await _two_cases_sealed(sealed)
    # when supervision's copy of position 4 is edited
    async with sealed.runtime.engine.begin() as conn:
        await conn.execute(text("UPDATE audit_trail SET data = '{}' WHERE position = 4"))
    # then the check names supervision's store, intake:case-2, position 4
    verdict = await _check(sealed)
    alerts = await _alerts(sealed)
    assert set(alerts) == {("supervision", "intake:case-2", 4)}
    assert {f.check for f in verdict.findings} >= {"copy", "trail"}
