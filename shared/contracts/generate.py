"""Renders `shared/contracts/<service>.py`: a typed contract for every event a service publishes.

The source is the producer's registry, as its bootstrap wires it (what it registers is what its
relay publishes): one `Contract` per event type at its current version, one `Part` per value
nested in one, enumerations as literals of their values. An event type with upcasters names them
from `shared.contracts.upcasters`, where the producer's registry takes them from too.
`python -m services contracts` writes the modules; a test fails when they drift from the code.
"""

from __future__ import annotations

import dataclasses
import enum
import re
import textwrap
import types
import typing
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from shared.contracts import upcasters as upcaster_module
from shared.eventstore.registry import EventRegistry

_SCALARS: dict[Any, str] = {
    str: "str",
    int: "int",
    bool: "bool",
    float: "float",
    date: "date",
    datetime: "datetime",
    Decimal: "Decimal",
    uuid.UUID: "UUID",
    Any: "Any",
    type(None): "None",
}
_HEADER = '''"""Typed contracts of the events {service} publishes, one per type at its current
version. Generated from {service}'s registry by `python -m services contracts`: do not edit.
"""

from __future__ import annotations

'''
_IMPORTS = {
    "date": "from datetime import date",
    "datetime": "from datetime import datetime",
    "Decimal": "from decimal import Decimal",
    "Any": "from typing import Any",
    "ClassVar": "from typing import ClassVar",
    "Literal": "from typing import Literal",
    "UUID": "from uuid import UUID",
    "Field": "from pydantic import Field",
    "Contract": "from shared.contracts import Contract",
    "Part": "from shared.contracts import Part",
    "Upcaster": "from shared.contracts import Upcaster",
    "upcasters": "from shared.contracts import upcasters",
}


def render(service: str, registry: EventRegistry) -> str:
    """The module's text for the service's registry."""
    parts: dict[str, type] = {}
    events = [_event(name, registry, parts) for name in registry.type_names]
    rendered_parts: list[str] = []
    done: set[str] = set()
    while len(done) < len(parts):  # parts may nest parts
        for name, cls in sorted(parts.items()):
            if name not in done:
                done.add(name)
                rendered_parts.append(_class(name, "Part", cls, [], parts))
    body = "\n\n".join([*sorted(rendered_parts), *events])
    return _HEADER.format(service=service) + _imports(body) + "\n\n" + body


def _imports(body: str) -> str:
    """The import lines the body uses (the writer's formatter sorts and merges them)."""
    used = [line for name, line in _IMPORTS.items() if re.search(rf"\b{name}\b", body)]
    return "\n".join(used) + "\n"


def _event(event_type: str, registry: EventRegistry, parts: dict[str, type]) -> str:
    cls = registry.class_of(event_type)
    version = registry.current_version(event_type)
    head = [f"TYPE: ClassVar[str] = {event_type!r}", f"VERSION: ClassVar[int] = {version}"]
    steps = registry.upcasters_of(event_type)
    if steps:
        named = ", ".join(f"{v}: upcasters.{_upcaster_name(f)}" for v, f in sorted(steps.items()))
        head.append(f"UPCASTERS: ClassVar[dict[int, Upcaster]] = {{{named}}}")
    return _class(cls.__name__, "Contract", cls, head, parts)


def _upcaster_name(function: Any) -> str:
    name = str(function.__name__)
    if getattr(upcaster_module, name, None) is not function:
        raise TypeError(f"upcaster {name} must be defined in shared.contracts.upcasters")
    return name


def _class(name: str, base: str, cls: type, head: list[str], parts: dict[str, type]) -> str:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__qualname__}: events and their parts are dataclasses")
    hints = typing.get_type_hints(cls)
    lines = [*head, *(_field(f, hints[f.name], parts) for f in dataclasses.fields(cls))]
    body = textwrap.indent("\n".join([_docstring(cls), "", *lines]), "    ")
    return f"class {name}({base}):\n{body}\n"


def _docstring(cls: type) -> str:
    """The first paragraph of the class's docstring, wrapped."""
    paragraph = (cls.__doc__ or cls.__name__).strip().split("\n\n")[0]
    words = " ".join(paragraph.split()).replace('"""', "'''")
    return '"""' + "\n".join(textwrap.wrap(words, 88)) + '"""'


def _field(field: dataclasses.Field[Any], hint: Any, parts: dict[str, type]) -> str:
    line = f"{field.name}: {_hint(hint, parts)}"
    if field.default is not dataclasses.MISSING:
        return f"{line} = {_value(field.default)}"
    if field.default_factory is not dataclasses.MISSING:
        made = field.default_factory()
        if isinstance(made, (dict, list)):
            return f"{line} = Field(default_factory={type(made).__name__})"
        return f"{line} = {_value(made)}"
    return line


def _hint(hint: Any, parts: dict[str, type]) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return f"Literal[{', '.join(repr(member.value) for member in hint)}]"
    if hint in _SCALARS:
        return _SCALARS[hint]
    if origin is typing.Literal:
        return f"Literal[{', '.join(map(repr, args))}]"
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_hint(arg, parts) for arg in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{_hint(args[0], parts)}, ...]"
    if origin in (tuple, list, dict, frozenset, set):
        return f"{origin.__name__}[{', '.join(_hint(arg, parts) for arg in args)}]"
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        known = parts.setdefault(hint.__name__, hint)
        if known is not hint:
            raise TypeError(f"two nested types named {hint.__name__}: rename one")
        return hint.__name__
    raise TypeError(f"no contract type for {hint!r}")


def _value(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, (tuple, list)):
        return repr(type(value)(_plain(item) for item in value))
    return repr(_plain(value))


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, (str, int, float, bool, tuple, list, dict)):
        return value
    raise TypeError(f"no contract default for {value!r}")
