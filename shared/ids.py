"""Time-ordered identifiers (UUID version 7, RFC 9562) for events.

Random (v4) ids land on random pages of the `event_id` index; v7 ids grow with time, so each
append touches the index's right edge, and ids sort roughly by creation.
"""

from __future__ import annotations

import os
import time
import uuid

_MASK_48 = (1 << 48) - 1
_MASK_62 = (1 << 62) - 1


def uuid7() -> uuid.UUID:
    """A version-7 UUID: 48 bits of Unix milliseconds, then 74 random bits."""
    millis = time.time_ns() // 1_000_000
    random = int.from_bytes(os.urandom(10), "big")
    value = (millis & _MASK_48) << 80
    value |= 0x7 << 76  # version
    value |= ((random >> 62) & 0xFFF) << 64  # rand_a
    value |= 0b10 << 62  # variant
    value |= random & _MASK_62  # rand_b
    # what UUID(int=…) does, without re-checking a value built in range (one per event appended)
    made = object.__new__(uuid.UUID)
    object.__setattr__(made, "int", value)
    object.__setattr__(made, "is_safe", uuid.SafeUUID.unknown)
    return made
