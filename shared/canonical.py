"""Canonical JSON: one text for one value, used for hashing and for storage."""

from __future__ import annotations

import json
from typing import Any

# One encoder for all calls: json.dumps with options builds a new encoder every time.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces and unescaped Unicode."""
    return _ENCODER.encode(value)
