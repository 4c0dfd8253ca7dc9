"""Canonical JSON: one text for one value, used for hashing and for storage."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

# One encoder for all calls: json.dumps with options builds a new encoder every time.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces and unescaped Unicode."""
    return _ENCODER.encode(value)


# orjson reads an integer beyond 64 bits as a float; a text with a run of 20 digits (such an
# integer, or just a long account number in a string) is read by the standard library instead
_MAYBE_BEYOND_64_BITS = re.compile(r"\d{20}")


def parse_json(text: str) -> Any:
    """The values `json.loads` gives, at orjson's speed (stored events are read back often)."""
    if _MAYBE_BEYOND_64_BITS.search(text):
        return json.loads(text)
    return orjson.loads(text)
