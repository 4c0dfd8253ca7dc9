"""Which cases' trails a stream joins besides its own (SUP-1), without I/O."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import UTC, datetime

import pytest

from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from supervision.domain.alerts import AlertEvidenceUpdated, Detector
from supervision.reactions.audit_trail import links_of

AT = datetime(2027, 3, 10, 1, 30, tzinfo=UTC)


def recorded(type_name: str, data: dict[str, object], case_id: str) -> RecordedEvent:
    metadata = EventMetadata(Actor.system("supervision"), "kafka", "检测", None, None, case_id)
    return RecordedEvent(
        uuid.uuid4(), type_name, 1, "alert-1", 2, 9, AT, AT, data, metadata, "0" * 64, "1" * 64
    )


@pytest.mark.req("SUP-1")
def test_an_alert_joins_the_trail_of_every_case_it_names_its_own_included() -> None:
    # given an alert brought up to date on the case that joined it late
    updated = AlertEvidenceUpdated(
        "alert-1", Detector.REDISTRIBUTION, "k", ("c1", "c2", "c3"), "三户共用一个账户", {}
    )
    event = recorded("supervision.AlertEvidenceUpdated", asdict(updated), case_id="c3")
    # then its stream joins the three cases' trails, the one it is recorded on too
    assert sorted(link["case_id"] for link in links_of(event)) == ["c1", "c2", "c3"]
    assert {link["stream_id"] for link in links_of(event)} == {"alert-1"}


@pytest.mark.req("SUP-1")
def test_an_event_about_its_own_case_only_links_nothing() -> None:
    event = recorded("verification.CaseApproved", {"case_id": "c1", "programme": "x"}, "c1")
    assert links_of(event) == []
