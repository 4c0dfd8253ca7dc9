"""One example instance of each event class, built from its type hints, serialised as the
service's registry serialises it: the data an event of that type carries on the topics.

Deterministic and plausible: a valid resident ID where a field names one, Chinese text, dates and
instants of the e2e stack's first day, 1 for numbers (fen included), the first member of an
enumeration or literal, one element in a collection, and, of an optional field, the value rather
than None (so that nested shapes are exercised too).
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from shared.identity import check_char

DAY = date(2027, 3, 10)
INSTANT = datetime(2027, 3, 10, 1, 30, tzinfo=UTC)
RESIDENT_ID = "62010219580314201" + check_char("62010219580314201")
_SCALARS: dict[Any, Any] = {
    int: 1,
    float: 1.0,
    bool: True,
    Decimal: Decimal("1"),
    date: DAY,
    datetime: INSTANT,
    uuid.UUID: uuid.UUID("5f0c6d0e-1b7a-4c55-9a51-7c1f0b6f2a11"),
    bytes: b"x",
}


def example(cls: type) -> Any:
    """An instance of an event class with every field filled."""
    return _value(cls, "")


def _value(tp: Any, name: str) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _value(typing.get_args(tp)[0], name)
    if origin is typing.Literal:
        return typing.get_args(tp)[0]
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _value(options[0], name)
    if origin is not None:
        return _collection(origin, typing.get_args(tp), name)
    if isinstance(tp, typing.NewType):
        return _value(tp.__supertype__, name)
    return _plain(tp, name)


def _collection(origin: Any, args: tuple[Any, ...], name: str) -> Any:
    if origin in (dict, Mapping):
        return {_value(args[0], name): _value(args[1], name)}
    items = [_value(args[0], name)] if args else []
    if origin is tuple:
        items = [_value(a, name) for a in args if a is not Ellipsis]
        return tuple(items)
    return frozenset(items) if origin is frozenset else set(items) if origin is set else items


def _plain(tp: Any, name: str) -> Any:
    if tp is str:
        return _text(name)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return next(iter(tp))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp, include_extras=True)
        fields = {f.name: _value(hints[f.name], f.name) for f in dataclasses.fields(tp) if f.init}
        return tp(**fields)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        hints = typing.get_type_hints(tp, include_extras=True)
        return tp.model_validate({n: _value(hints[n], n) for n in tp.model_fields})
    if tp in _SCALARS:
        return _SCALARS[tp]
    if tp is Any or tp is object:
        return "示例"
    raise TypeError(f"no example for {tp!r} (field {name!r})")


def _text(name: str) -> str:
    if name.endswith(("resident_id", "resident_ids")) or name == "resident_id":
        return RESIDENT_ID
    if "division" in name or name.endswith("_code"):
        return "620102001"
    if "phone" in name:
        return "13893120456"
    if "period" in name:
        return "2027-03"
    return "示例"
