"""Strict request field types: money and counts are JSON integers that fit PostgreSQL's bigint.

Pydantic's lax `int` takes `true` (as 1) and `"100"` (as 100); a request schema names money in
fen with `Fen` and a count with `Count` instead, so only a real JSON integer in range passes
(GEN-8: money as integer fen). A field's own tighter bounds still apply, e.g.
`amount_fen: Fen = Field(gt=0, lt=FEN_LIMIT)`.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictInt

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

Int64 = Annotated[StrictInt, Field(ge=INT64_MIN, le=INT64_MAX)]
"""A strict JSON integer within bigint (−2^63 … 2^63−1): no booleans, strings or floats."""

Fen = Annotated[StrictInt, Field(ge=0, le=INT64_MAX)]
"""An amount of money in fen (分): a strict, non-negative JSON integer within bigint."""

SignedFen = Int64
"""A money difference in fen that may be negative (an adjustment): strict, within bigint."""

Count = Annotated[StrictInt, Field(ge=0, le=INT64_MAX)]
"""A count (people, attendees, places …): a strict, non-negative JSON integer within bigint."""
