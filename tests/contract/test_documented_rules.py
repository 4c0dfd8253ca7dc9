"""What the published documents state about fields the server checks itself (GEN-7, GEN-8)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shared.identity import RESIDENT_ID_FORMAT

DOCUMENTS = sorted((Path(__file__).parents[2] / "docs" / "openapi").glob("*.json"))


def _schemas(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _schemas(item)
    elif isinstance(value, list):
        for item in value:
            yield from _schemas(item)


@pytest.mark.req("GEN-7")
def test_every_resident_id_field_states_the_shape_the_server_enforces() -> None:
    resident_ids = [
        (document.stem, schema)
        for document in DOCUMENTS
        for schema in _schemas(json.loads(document.read_text()))
        if schema.get("format") == RESIDENT_ID_FORMAT
    ]
    assert {stem for stem, _ in resident_ids} >= {"intake", "verification", "supervision"}
    for stem, schema in resident_ids:
        pattern = re.compile(schema.get("pattern", "^$"))
        assert pattern.search("11010519491231002X") and pattern.search("110105194805160011")
        for wrong in ("1101051949123100", "11010519491231002Y", "１１010519491231002X", ""):
            assert not pattern.search(wrong), (stem, schema, wrong)
