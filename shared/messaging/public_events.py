"""The public view read back (ADR 0020): a `.events` record as an event, and as the structured
CloudEvent a webhook carries.

A public record has no hash (`shared.messaging.public`), so `decode` refuses it: a consumer of
the internal topics pointed at a public one dead-letters instead of importing masked data. A
consumer that means to read the public view (supervision's webhooks) decodes with
`decode_public`, which accepts only public records and leaves the hashes empty.
"""

from __future__ import annotations

from typing import Any

from shared.eventstore.envelope import RecordedEvent
from shared.messaging.cloudevents import (
    CONTENT_TYPE,
    Decoded,
    Headers,
    UndecodableMessage,
    decode,
    encode,
)
from shared.messaging.public import PUBLIC, VIEW_HEADER, is_public, public_dataschema

_HASHES = ("ce_hash", "ce_prevhash")  # what the public view drops (shared.messaging.public)
_TRANSPORT_ONLY = frozenset({"ce_brokerepoch"})  # the relay's bookkeeping, not the event's


def decode_public(headers: Headers, value: bytes | None) -> Decoded:
    """The event a public record carries (data and envelope as the view shows them, no hashes)."""
    if not is_public(headers):
        raise UndecodableMessage(f"not a public record (no {VIEW_HEADER}: {PUBLIC} header)")
    unhashed = [(name, b"") for name in _HASHES]
    return decode([*headers, *unhashed], value)


def structured_event(event: RecordedEvent) -> dict[str, Any]:
    """The event as a CloudEvents 1.0 JSON object (structured mode): the attributes the public
    record carries as `ce_*` headers, under their CloudEvents names, and its `data`."""
    service = event.type.split(".", 1)[0]
    record = encode(event, service, broker_epoch=0)
    attributes: dict[str, Any] = {}
    for name, raw in record.headers:
        if name in _HASHES or name in _TRANSPORT_ONLY:
            continue
        if name == "content-type":
            attributes["datacontenttype"] = CONTENT_TYPE
        else:
            attributes[name.removeprefix("ce_")] = raw.decode("utf-8")
    attributes["dataschema"] = public_dataschema(event.type, event.schema_version)
    attributes[VIEW_HEADER.removeprefix("ce_")] = PUBLIC
    return {**attributes, "data": event.data}
