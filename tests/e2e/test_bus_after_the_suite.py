"""After the whole suite, nothing on the bus's public topics is personal data (GEN-7, SUP-2,
ADR 0020): a consumer reading every public `<ns>.<service>.events` topic of every stack the
suite ran finds no resident ID, no run of 13-19 digits, no mobile number, and none of the
personal values (names, addresses, health, disability and self-care text, complainants) that the
same events carry on the internal topics only the services read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from services.embedded import EmbeddedBroker
from services.settings import SERVICES
from shared.privacy import DROPPED_KEYS, personal_rule
from tests.e2e.bus import read_records, record_text, topics_on

RESIDENT_ID = re.compile(rb"(?<![0-9])\d{17}[\dX](?![0-9])")
DIGIT_RUN = re.compile(rb"(?<![0-9])\d{13,19}(?![0-9])")
PHONE = re.compile(rb"(?<![0-9])1[3-9]\d{9}(?![0-9])")
# machine identifiers whose hex digits can look like a number: event ids, trace context
MACHINE_IDS = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PUBLIC, INTERNAL = ".events", ".internal"
PERIOD = re.compile(r"[0-9]{4}-[0-9]{2}(-01)?")  # a payment period, YYYY-MM, or its first day


def personal_values(data: Any, rule: str | None = None) -> Iterator[str]:
    """The texts of an internal event that are personal: by their key's rule, or under a key
    whose whole value a public reader must not see (health, disability, complainant …)."""
    if isinstance(data, dict):
        for key, value in data.items():
            name = str(key).lower()
            dropped = any(word in name for word in DROPPED_KEYS)
            yield from personal_values(value, "dropped" if dropped else rule or personal_rule(name))
    elif isinstance(data, list):
        for item in data:
            yield from personal_values(item, rule)
    elif isinstance(data, str) and rule is not None and _telling(data):
        yield data.strip()


def _telling(text: str) -> bool:
    """Text that says something of a person: Chinese of two characters or more, or digits
    enough to be a number (codes and enumerations such as `semi_disabled` say nothing alone, nor
    does a month, as YYYY-MM or its first day: the public view drops one where it would tell, a
    child's month of coming of age, but the same month stands on every public payment of that
    period and on every change that takes effect from it)."""
    text = text.strip()
    if PERIOD.fullmatch(text):
        return False
    chinese = sum(1 for c in text if ord(c) > 0x2E80)
    return chinese >= 2 or sum(c.isdigit() for c in text) >= 6


async def _stacks_topics(bootstrap: str) -> dict[str, list[str]]:
    """The namespaces on the broker with public topics, each with its topics."""
    namespaces: dict[str, list[str]] = {}
    for topic in sorted(await topics_on(bootstrap)):
        for service in SERVICES:
            for suffix in (PUBLIC, INTERNAL):
                if topic.endswith(f".{service}{suffix}"):
                    namespace = topic.removesuffix(f".{service}{suffix}")
                    namespaces.setdefault(namespace, []).append(topic)
    return {ns: topics for ns, topics in namespaces.items() if ns.startswith("e2e")}


@pytest.mark.after_suite
@pytest.mark.req("GEN-7", "SUP-2")
async def test_after_the_whole_suite_no_public_topic_carries_personal_data(
    broker: EmbeddedBroker,
) -> None:
    # given every topic every end-to-end stack of the suite wrote
    stacks = await _stacks_topics(broker.bootstrap_servers)
    if not stacks:
        pytest.skip("no end-to-end stack ran in this session")
    personal: set[str] = set()
    public: dict[str, list[bytes]] = {}
    for topics in stacks.values():
        for topic in topics:
            records = await read_records(broker.bootstrap_servers, topic)
            if topic.endswith(INTERNAL):
                for record in records:
                    personal.update(personal_values(json.loads(record.value)))
            else:
                public[topic] = [MACHINE_IDS.sub(b"<uuid>", record_text(r)) for r in records]
    # then the internal topics held personal data (the test can fail) …
    assert personal, "the suite published no personal data at all: nothing was scanned for"
    assert sum(len(records) for records in public.values()) > 0
    # … and no public record carries any of it, nor anything shaped like an ID, account or phone
    leaks = [
        (topic, found)
        for topic, records in public.items()
        for text in records
        for found in _leaks(text, personal)
    ]
    assert not leaks, leaks[:20]


def _leaks(text: bytes, personal: set[str]) -> Iterator[str]:
    for pattern in (RESIDENT_ID, DIGIT_RUN, PHONE):
        yield from (m.decode() for m in pattern.findall(text))
    decoded = text.decode("utf-8", errors="replace")
    yield from (value for value in personal if value in decoded)
