"""Strict request field types: money and counts are JSON integers that fit PostgreSQL's bigint;
dates and instants are ISO 8601 text.

Pydantic's lax `int` takes `true` (as 1) and `"100"` (as 100); a request schema names money in
fen with `Fen` and a count with `Count` instead, so only a real JSON integer in range passes
(GEN-8: money as integer fen). A field's own tighter bounds still apply, e.g.
`amount_fen: Fen = Field(gt=0, lt=FEN_LIMIT)`.
"""

from __future__ import annotations

import re
import unicodedata
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


INVISIBLE = r"\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"
"""Format characters that show nothing: soft hyphen, Mongolian vowel separator, zero-width space,
non-joiner and joiner, word joiner, invisible operators, byte-order mark (the bidirectional
controls are refused outright by the input guard)."""
VISIBLE_PATTERN = f"[^\\s{INVISIBLE}]"
"""Some character that shows: what required text must hold. The same text is a JSON Schema
(ECMA-262) and a Python pattern, so the document states exactly what the server refuses."""
_VISIBLE = re.compile(VISIBLE_PATTERN)
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")
_SPACES = re.compile(r"\s+")
BLANK_MESSAGE = "this text is blank: it holds only spaces or invisible characters"


def _not_blank(value: str) -> str:
    if not _VISIBLE.search(value):
        raise ValueError(BLANK_MESSAGE)
    return value


def _visible_pattern(schema: dict[str, Any]) -> None:
    schema.setdefault("pattern", VISIBLE_PATTERN)


def normalised_name(value: str) -> str:
    """A person's name as one way of writing it: NFKC (full-width letters and spaces as ASCII),
    no invisible characters, no space at either end, a single space inside."""
    composed = unicodedata.normalize("NFKC", value)
    return _SPACES.sub(" ", _INVISIBLE_RUN.sub("", composed)).strip()


_TEXT_CHECKS = (AfterValidator(_not_blank), Field(json_schema_extra=_visible_pattern))

Text = Annotated[str, *_TEXT_CHECKS]
"""Required free text (a reason, a reference, findings): at least one visible character; blank
text (only spaces, NBSP, U+3000, zero-width characters or a BOM) is a 422 naming the field. The
text is kept as written. Lengths are the field's own: `reason: Text = Field(max_length=500)`."""

PersonName = Annotated[str, AfterValidator(normalised_name), *_TEXT_CHECKS]
"""A person's name, stored normalised (`normalised_name`), so one name written two ways is one
name (two investigators, a payee, a declared official); blank after normalising is a 422."""
