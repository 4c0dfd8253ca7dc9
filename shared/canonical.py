"""Canonical JSON: one text for one value, used for hashing and for storage."""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # C where built: what the encoder uses for a str
from typing import Any

# One encoder for all calls: json.dumps with options builds a new encoder every time.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces and unescaped Unicode."""
    return _ENCODER.encode(value)


def canonical_string(value: str) -> str:
    """`canonical_json` of a str, without the encoder's dispatch (once per event appended)."""
    return encode_basestring(value)


def canonical_optional(value: str | None) -> str:
    """`canonical_json` of a str or None."""
    return "null" if value is None else encode_basestring(value)
