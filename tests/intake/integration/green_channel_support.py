"""Feeding intake's consumers what payments publishes (its contract fields only)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from tests.intake.conftest import Intake


def standard_set(county: str, monthly_per_person_fen: int, effective_from: date) -> RecordedEvent:
    """payments.StandardSet as intake's consumer receives it."""
    return RecordedEvent(
        event_id=uuid.uuid4(),
        type="payments.StandardSet",
        schema_version=1,
        stream_id=f"standard-{county}:urban_dibao",
        stream_version=1,
        position=3,
        occurred_at=datetime.now(UTC),
        recorded_at=datetime.now(UTC),
        data={
            "division_code": county,
            "programme": "urban_dibao",
            "effective_from": effective_from.isoformat(),
            "monthly_per_person_fen": monthly_per_person_fen,
            "floor_per_person_fen": 0,
            "class_amounts_fen": {},
            "care_amounts_fen": {},
            "lowering_reason": None,
        },
        metadata=EventMetadata(
            Actor("county-1", "county_officer", "城关区民政局", county), "api", "标准", None, None
        ),
        prev_hash="0" * 64,
        hash="1" * 64,
    )


async def publish_standard(
    intake: Intake, county: str, fen: int, effective_from: date = date(2026, 1, 1)
) -> None:
    """Deliver a published urban dibao standard to intake's payments consumer."""
    async with intake.runtime.engine.begin() as conn:
        await intake.runtime.handlers["intake.payments"](
            standard_set(county, fen, effective_from), conn
        )
