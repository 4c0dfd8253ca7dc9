"""The places register on the real PostgreSQL: a file loads whole or not at all, reloads close."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.places.names import ancestors, names_by_level, resolve
from shared.places.register import PlacesFileRefused
from shared.places.store import find_place, load_places, township_standing

HEADER = "code,name,level,parent,valid_from,valid_to\n"
GOOD = (
    HEADER + "620102001,甲街道,township,620102,2001-01-01,\n"
    "620102002,乙街道,township,620102,2001-01-01,\n"
    "620102001001,丙社区,village,620102001,2001-01-01,\n"
).encode()
AT = datetime(2026, 5, 1, 8, tzinfo=UTC)


async def _load(engine: AsyncEngine, content: bytes, by: str = "ops-1") -> int:
    report = await load_places(engine, content, file_name="places.csv", loaded_by=by, at=AT)
    return report.load_id


async def _counts(engine: AsyncEngine) -> tuple[int, int]:
    async with engine.connect() as conn:
        places = (await conn.execute(text("SELECT count(*) FROM places"))).scalar_one()
        loads = (await conn.execute(text("SELECT count(*) FROM places_loads"))).scalar_one()
    return places, loads


async def test_a_good_file_is_loaded_and_its_load_recorded(engine: AsyncEngine) -> None:
    # when a good file is loaded
    report = await load_places(engine, GOOD, file_name="places.csv", loaded_by="ops-1", at=AT)
    # then every row is registered and named up to the province
    assert (report.row_count, report.added, report.changed) == (3, 3, 0)
    async with engine.connect() as conn:
        village = await resolve(conn, "620102001001")
        assert village is not None and village.name == "丙社区"
        chain = [p.name for p in await ancestors(conn, village)]
        names = await names_by_level(conn, "620102001001")
        load = (await conn.execute(text("SELECT * FROM places_loads"))).one()
    assert chain == ["甲街道", "城关区", "兰州市", "甘肃省"]
    assert names["village"] == "丙社区" and names["township"] == "甲街道"
    assert (load.loaded_by, load.loaded_at, load.row_count) == ("ops-1", AT, 3)
    assert load.sha256 == report.sha256 and load.file_name == "places.csv"


async def test_a_bad_file_is_refused_whole_with_its_rejects(engine: AsyncEngine) -> None:
    # given a file whose third row is bad and whose last village hangs under nothing known
    bad = (
        GOOD
        + (
            "620102003,丁街道,township,620102,2001-01-01,1999-01-01\n"
            "620102009001,戊社区,village,620102009,2001-01-01,\n"
        ).encode()
    )
    # when it is loaded
    with pytest.raises(PlacesFileRefused) as refused:
        await _load(engine, bad)
    # then each reject names its row and field, and nothing at all was loaded
    assert [(r.row, r.field) for r in refused.value.rejects] == [(5, "valid_to"), (6, "parent")]
    assert "row 5, valid_to:" in refused.value.report()
    assert await _counts(engine) == (0, 0)


async def test_a_reload_closes_a_place_and_villages_may_join_registered_townships(
    engine: AsyncEngine,
) -> None:
    await _load(engine, GOOD)
    # when a later file closes 乙街道 and adds a village under the already registered 甲街道
    later = (
        HEADER + "620102002,乙街道,township,620102,2001-01-01,2025-12-31\n"
        "620102001002,己社区,village,620102001,2026-01-01,\n"
    ).encode()
    report = await load_places(engine, later, file_name="b.csv", loaded_by="ops-2", at=AT)
    # then the closed township is kept with its last day, the other places are untouched
    assert (report.added, report.changed) == (1, 1)
    async with engine.connect() as conn:
        closed = await find_place(conn, "620102002")
        kept = await find_place(conn, "620102001")
        standing = [
            await township_standing(conn, code, date(2026, 5, 1))
            for code in ("620102001", "620102002", "620102077", "620103001")
        ]
    assert closed is not None and closed.valid_to == date(2025, 12, 31)
    assert kept is not None and kept.valid_to is None
    assert standing == ["in-force", "not-in-force", "unknown", "unregistered"]
    assert await _counts(engine) == (4, 2)
