"""JSON read and written fast (orjson), for what is not hashed, with the standard library behind it.

orjson is several times faster than `json`, but it reads an integer beyond 64 bits as a float
and refuses to write one, where JSON and PostgreSQL's jsonb keep it exact. A text with a run of
19 digits or more (which such an integer needs) is read by `json`, and a value orjson refuses is
written by `json`, so every value comes out as `json` gives it. The hash chain never uses these:
it hashes `shared.canonical.canonical_json`, whose text (floats, escapes) must stay as it was.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

# 2**63 has 19 digits: a shorter run of digits is an exact int64. Looked for as the digits made
# zeros and the rest dots (a byte table and a substring search: a tenth of a regular expression's)
_DIGITS_AS_ZEROS = bytes(ord("0") if ord("0") <= b <= ord("9") else ord(".") for b in range(256))
_NINETEEN_DIGITS = b"0" * 19


class NestedTooDeeply(ValueError):
    """A JSON text nested deeper than a reader can follow (orjson stops at 1,024 levels, `json`
    at the interpreter's recursion limit): refused as not JSON, never a RecursionError."""


def parse_json(text: bytes) -> Any:
    """The value of a UTF-8 JSON text; ValueError if it is not JSON (NestedTooDeeply if it nests
    beyond what the readers follow)."""
    try:
        if _NINETEEN_DIGITS in text.translate(_DIGITS_AS_ZEROS):
            return json.loads(text.decode("utf-8"))  # perhaps an integer orjson makes a float
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            return json.loads(text.decode("utf-8"))  # NaN, Infinity: `json` reads them
    except RecursionError:
        raise NestedTooDeeply("JSON nested too deeply") from None


def compact_json(value: Any) -> bytes:
    """UTF-8 JSON with no spaces and unescaped Unicode, keys in their order."""
    try:
        return orjson.dumps(value)
    except TypeError:  # an integer beyond 64 bits, a key that is not text
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
