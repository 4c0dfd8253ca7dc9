"""The public view of a relayed event: what `<ns>.<service>.events` may carry (ADR 0020).

The relay sends each event twice: as stored to `<ns>.<service>.internal`, which only the
platform's own consumers read, and as this view to `<ns>.<service>.events`, which feeds the
provincial integration bus. The view's data is `shared.privacy.public_event_view` of the stored
data; the envelope headers go through the same rule (the actor and an API channel, their id a
pseudonym unless a service; the reason, dropped when a person wrote it), the record is marked
`ce_safetynetview: public` with a public dataschema, and it carries no hash: its data is not
what was hashed, and a hash of data that holds a resident ID would fingerprint that ID.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from shared.jsontext import compact_json, parse_json
from shared.messaging.cloudevents import KafkaRecord, dataschema
from shared.privacy import UUID_PATTERN, pseudonym, public_event_view, public_view

VIEW_HEADER = "ce_safetynetview"
PUBLIC = "public"
# Dropped from the public record: the chain's digests (see the module doc).
_DROPPED = frozenset({"ce_hash", "ce_prevhash"})
# Header values that are text about people: through the same rule as the data.
_TEXT_HEADERS = frozenset({"ce_reason", "ce_subject", "ce_streamid"})


def public_dataschema(event_type: str, schema_version: int) -> str:
    """The URI of the public view of an event type's schema (masked and dropped fields)."""
    return dataschema(event_type, schema_version).removesuffix(".json") + ".public.json"


def public_record(record: KafkaRecord, key: bytes) -> KafkaRecord:
    """The public view of a relay record; the key (the case id) and the order are unchanged."""
    event_type = _event_type(record.headers)
    value = compact_json(public_event_view(event_type, parse_json(record.value), key))
    headers = []
    written_by_staff = not _by_the_system(record.headers)
    for header in record.headers:  # one lookup a header: most pass as they are, not copied
        if header[0] == "ce_reason" and written_by_staff:
            continue  # what an officer wrote: names, diagnoses, addresses no rule can mask
        view = _HEADER_VIEWS.get(header[0], _as_is)
        if view is _as_is:
            headers.append(header)
        elif view is not None:
            headers.append((header[0], view(header[1], key)))
    headers.append(_PUBLIC_HEADER)
    return KafkaRecord(key=record.key, value=value, headers=headers)


@lru_cache(maxsize=1024)
def _public_schema(raw: bytes, key: bytes) -> bytes:
    """`…/<type>/v<N>.json` → `…/<type>/v<N>.public.json` (ADR 0039); another value unchanged."""
    text = raw.decode("utf-8")
    return (text.removesuffix(".json") + ".public.json").encode() if text.endswith(".json") else raw


def _event_type(headers: Any) -> str:
    """The record's `ce_type` ("" when it has none)."""
    return next((bytes(raw).decode("utf-8") for name, raw in headers if name == "ce_type"), "")


def _by_the_system(headers: Any) -> bool:
    """True when the record's actor is a service itself (its reasons are its own fixed text)."""
    return any(name == "ce_actor" and _system_actor(bytes(raw)) for name, raw in headers)


@lru_cache(maxsize=1024)
def _system_actor(raw: bytes) -> bool:
    return bool(parse_json(raw).get("role") == SYSTEM_ROLE)


@lru_cache(maxsize=1024)
def _public_actor(raw: bytes, key: bytes) -> bytes:
    """The actor header's view (a deployment has few staff at a time: decided once each): a
    person's id (a staff member's name, often) becomes a keyed pseudonym."""
    actor = parse_json(raw)
    if actor.get("role") != SYSTEM_ROLE and isinstance(actor.get("id"), str):
        actor["id"] = pseudonym(actor["id"], key)
    return compact_json(public_view(actor, key))


@lru_cache(maxsize=1024)
def _public_channel(raw: bytes, key: bytes) -> bytes:
    """The channel header's view: `api:<client>` names the token's subject (often a staff
    member's id), a keyed pseudonym as the actor's id is; a service's channel as it is."""
    kind, _, client = raw.decode("utf-8").partition(":")
    if kind != "api" or not client:
        return raw
    return f"api:{pseudonym(client, key)}".encode()


def _public_text(raw: bytes, key: bytes) -> bytes:
    """A text header's view: an id (a case's subject, its stream) as it is, other text viewed."""
    return raw if _UUID_BYTES.fullmatch(raw) is not None else _public_free_text(raw, key)


@lru_cache(maxsize=4096)
def _public_free_text(raw: bytes, key: bytes) -> bytes:
    """The view of a text header that is not an id (reasons repeat: decided once each)."""
    return bytes(public_view(raw.decode("utf-8"), key).encode("utf-8"))


def _as_is(raw: bytes, key: bytes) -> bytes:
    return raw


# How each header is viewed: None drops it, and one not named here passes _as_is.
_HEADER_VIEWS: dict[str, Callable[[bytes, bytes], bytes] | None] = {
    **dict.fromkeys(_DROPPED, None),
    "ce_dataschema": _public_schema,
    "ce_actor": _public_actor,
    "ce_channel": _public_channel,
    **dict.fromkeys(_TEXT_HEADERS, _public_text),
}
_UUID_BYTES = re.compile(UUID_PATTERN.encode("ascii"))
_PUBLIC_HEADER = (VIEW_HEADER, PUBLIC.encode("utf-8"))
SYSTEM_ROLE = "system"  # Actor.system's role


def is_public(headers: Any) -> bool:
    """True for a record of the public view (never to be imported as the stored event)."""
    return any(name == VIEW_HEADER and bytes(raw) == PUBLIC.encode() for name, raw in headers or ())
