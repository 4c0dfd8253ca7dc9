"""`python -m services places load|show` against real PostgreSQL databases, one per service."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from services import places
from services.__main__ import _parser
from services.settings import PROJECT_ROOT, SERVICES, Settings
from shared.db import create_engine
from shared.http.tokens import ensure_dev_keypair
from tests.deploy.test_ops_status import ops_settings

__all__ = ["ops_settings"]
EXAMPLE = PROJECT_ROOT / "docs" / "examples" / "places-620102-EXAMPLE.csv"


async def _places_in(settings: Settings, service: str) -> int:
    engine = create_engine(settings.database_url_for(service))
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(text("SELECT count(*) FROM places"))).scalar_one())
    finally:
        await engine.dispose()


def test_the_command_line_parses_load_and_show() -> None:
    args = _parser().parse_args(["places", "load", "p.csv", "--service", "intake", "--by", "张三"])
    assert (args.file, args.services, args.by) == (Path("p.csv"), ["intake"], "张三")
    assert _parser().parse_args(["places", "show", "620102001"]).code == "620102001"


async def test_a_file_loads_into_every_service_or_into_none(
    ops_settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ensure_dev_keypair(ops_settings.jwt_private_key_path, ops_settings.jwt_public_key_path)
    # given the example file, and a bad file whose village hangs under no township
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "code,name,level,parent,valid_from,valid_to\n"
        "620102009001,某社区,village,620102009,2001-01-01,\n",
        encoding="utf-8",
    )
    # when the bad file is loaded into all four, then the example into all four
    refused = await places.load(ops_settings, bad, bad.read_bytes(), SERVICES, "ops-1")
    refused_out = capsys.readouterr().out
    loaded = await places.load(ops_settings, EXAMPLE, EXAMPLE.read_bytes(), SERVICES, "ops-1")
    loaded_out = capsys.readouterr().out
    shown = await places.show(ops_settings, "620102001001", "payments")
    # then the bad one went nowhere, with its reject reported, and the good one everywhere
    assert refused == 1 and "row 2, parent: township 620102009" in refused_out
    assert loaded == 0 and loaded_out.count("6 rows (6 added, 0 changed)") == 4
    assert [await _places_in(ops_settings, s) for s in SERVICES] == [6, 6, 6, 6]
    assert shown == 0 and "620102001 示例一街道（示例数据）" in capsys.readouterr().out
