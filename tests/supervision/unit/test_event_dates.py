"""Supervision's events carry civil dates as `date` and instants as `datetime` (issue #17): they
are written as the ISO 8601 text they always were, and the events stored while they were typed as
text still load."""

from __future__ import annotations

import re
import typing
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from supervision.bootstrap import register_own_events

REGISTRY = EventRegistry()
register_own_events(REGISTRY)

# Events as supervision stored them when their dates were `str` fields.
STORED_WITH_TEXT_DATES: dict[str, dict[str, Any]] = {
    "supervision.ComplaintReceived": {
        "complaint_id": "c-1", "channel": "hotline", "anonymous": True, "complainant": None,
        "division_code": "620105", "subject_case_id": None, "allegation": "averaging",
        "summary": "全村低保金额一样", "received_on": "2027-03-10", "due_on": "2027-04-08",
        "calendar_version": None,
    },
    "supervision.InspectionPlanned": {
        "inspection_id": "i-1", "kind": "special", "division_code": "620105",
        "planned_on": "2027-04-15", "scope": "低保专项督查", "team": ["王海燕"],
    },
    "supervision.HazardClosed": {
        "institution_id": "w-1", "hazard_id": "c1-H1", "closed_on": "2027-03-12",
        "note": "杂物已清理",
    },
    "supervision.ServicePurchased": {
        "division_code": "620105001", "provider": "安宁区社工服务中心", "service": "入户调查辅助",
        "amount_fen": 12_000_000, "period_from": "2027-01-01", "period_to": "2027-12-31",
    },
    "supervision.ImplementationReportFiled": {
        "county_code": "620105", "period": "2027-H1", "document_ref": "安民发〔2027〕12号",
        "summary": "低保提标已落实", "filed_on": "2027-07-16", "due_on": "2027-07-15",
        "late": True,
    },
    "supervision.WebhookReplayRequested": {
        "subscription_id": "s-1", "from_instant": "2027-03-01T00:00:00+08:00",
        "from_delivery_id": None, "deliveries": 3,
    },
}  # fmt: skip


def _stored(event_type: str, data: dict[str, Any]) -> RecordedEvent:
    metadata = EventMetadata(Actor.system("supervision"), "test")
    at = datetime(2027, 3, 10, 1, 30, tzinfo=UTC)
    return RecordedEvent(uuid.uuid4(), event_type, 1, "s-1", 1, 1, at, at, data, metadata, "", "")


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("event_type", sorted(STORED_WITH_TEXT_DATES))
def test_an_event_stored_with_text_dates_loads_typed_and_is_written_back_the_same(
    event_type: str,
) -> None:
    # given an event stored while its dates were text
    stored = STORED_WITH_TEXT_DATES[event_type]
    # when it is loaded
    event = REGISTRY.deserialize(_stored(event_type, stored))
    # then its dates are dates (its instants aware datetimes), not text
    values = [getattr(event, name) for name in stored if _names_a_day_or_instant(name)]
    assert values and all(isinstance(value, (date, type(None))) for value in values)
    # and written again it is the same JSON, byte for byte
    assert REGISTRY.serialize(event, EventMetadata(Actor.system("t"), "t")).data == stored


@pytest.mark.req("SUP-1")
def test_a_digest_sealed_with_text_instants_loads_them_as_the_same_instants() -> None:
    # given a digest stored while its instants were `datetime.isoformat()` text (UTC: "+00:00")
    stored = {
        "digest_id": "d-1", "sequence": 2, "period_start": "2027-03-10T01:30:00.250000+00:00",
        "period_end": "2027-03-10T02:30:00.250000+00:00", "ranges": [], "previous_root": "a" * 64,
        "root": "b" * 64,
    }  # fmt: skip
    # when it is loaded
    loaded = REGISTRY.deserialize(_stored("supervision.TrailDigestSealed", stored))
    # then its period is two aware instants, an hour apart
    start = datetime(2027, 3, 10, 1, 30, 0, 250000, tzinfo=UTC)
    assert (loaded.period_start, loaded.period_end) == (start, start + timedelta(hours=1))
    # and written again they are the same instants
    written = REGISTRY.serialize(loaded, EventMetadata(Actor.system("t"), "t")).data
    assert datetime.fromisoformat(written["period_start"]) == loaded.period_start
    assert datetime.fromisoformat(written["period_end"]) == loaded.period_end


_DAY_OR_INSTANT = re.compile(r"(_on|_at|_until|_instant|_from|_to|_start|_end|^since)$")


def _names_a_day_or_instant(field: str) -> bool:
    return bool(_DAY_OR_INSTANT.search(field))


@pytest.mark.req("GEN-2")
def test_no_supervision_event_keeps_a_day_or_an_instant_as_text() -> None:
    as_text = []
    for event_type in REGISTRY.type_names:
        hints = typing.get_type_hints(REGISTRY.class_of(event_type))
        as_text += [
            f"{event_type}.{name}"
            for name, hint in hints.items()
            if _names_a_day_or_instant(name) and hint in (str, str | None)
        ]
    assert as_text == []
