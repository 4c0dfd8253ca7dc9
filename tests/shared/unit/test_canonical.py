"""Canonical JSON out, and the fast reader back in: the same values as the standard library."""

from __future__ import annotations

import json

import pytest

from shared.canonical import canonical_json, parse_json

TEXTS = [
    '{"amount_fen": 123456, "name": "张三", "sep": "\\u2028", "ok": true, "none": null}',
    '{"nested": [1, 2.5, -0.0, 1e16, {"deep": ["a", "b"]}], "max": 9223372036854775807}',
    '{"beyond_64_bits": 123456789012345678901234567890}',
    '{"u64_max": 18446744073709551615, "neg": -9223372036854775808}',
    '{"account": "622202123456789012345678", "amount_fen": 1}',
    '"plain"',
    "[]",
]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_json_gives_what_the_standard_library_gives(text: str) -> None:
    parsed = parse_json(text)
    assert parsed == json.loads(text)
    assert canonical_json(parsed) == canonical_json(json.loads(text))  # so hashes agree


def test_an_integer_beyond_64_bits_stays_an_exact_integer() -> None:
    parsed = parse_json('{"fen": 123456789012345678901234567890}')
    assert parsed["fen"] == 123456789012345678901234567890
    assert isinstance(parsed["fen"], int)
