"""Strict request field types: money and counts are JSON integers that fit PostgreSQL's bigint;
dates and instants are ISO 8601 text.

Pydantic's lax `int` takes `true` (as 1) and `"100"` (as 100); a request schema names money in
fen with `Fen` and a count with `Count` instead, so only a real JSON integer in range passes
(GEN-8: money as integer fen). A field's own tighter bounds still apply, e.g.
`amount_fen: Fen = Field(gt=0, lt=FEN_LIMIT)`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, StrictInt

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def _within(low: int, message: str) -> Any:
    """A strict int in `low … INT64_MAX`, as a validator and a schema default rather than `ge`/
    `le` metadata: those would override the same bounds a field sets (`Field(ge=2000)`)."""

    def check(value: int) -> int:
        if not low <= value <= INT64_MAX:
            raise ValueError(message)
        return value

    def defaults(schema: dict[str, Any]) -> None:
        schema.setdefault("minimum", low)
        schema.setdefault("maximum", INT64_MAX)

    extra: Callable[[dict[str, Any]], None] = defaults
    return (AfterValidator(check), Field(json_schema_extra=extra))


_INT64 = _within(INT64_MIN, "integers must lie between -2^63 and 2^63-1")
_NON_NEGATIVE = _within(0, "the value must lie between 0 and 2^63-1")

Int64 = Annotated[StrictInt, *_INT64]
"""A strict JSON integer within bigint (−2^63 … 2^63−1): no booleans, strings or floats."""

Fen = Annotated[StrictInt, *_NON_NEGATIVE]
"""An amount of money in fen (分): a strict, non-negative JSON integer within bigint."""

SignedFen = Int64
"""A money difference in fen that may be negative (an adjustment): strict, within bigint."""

Count = Annotated[StrictInt, *_NON_NEGATIVE]
"""A count (people, attendees, places …): a strict, non-negative JSON integer within bigint."""


def _written_as_text(value: object) -> object:
    """Pydantic's lax mode reads a number as a Unix time (`0` is 1970-01-01): refuse it."""
    if isinstance(value, (int, float)):
        raise ValueError("a date or time is written as ISO 8601 text, not a number")
    return value


CivilDate = Annotated[date, BeforeValidator(_written_as_text)]
"""A civil date written `YYYY-MM-DD`: no number, no boolean."""

Instant = Annotated[datetime, BeforeValidator(_written_as_text)]
"""An instant written as ISO 8601 text (with its offset): no number, no boolean."""
