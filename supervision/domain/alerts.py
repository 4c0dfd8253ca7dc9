"""Alerts raised by the irregularity detectors (SUP-3), each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from shared.eventstore.registry import EventRegistry, event_type


class Detector(StrEnum):
    """The irregularities the notice names (坚决查处…)."""

    FAVOURITISM = "favouritism"  # 人情保、关系保: undeclared relatives of cadres or staff
    AVERAGING = "averaging"  # 平均保
    REDISTRIBUTION = "redistribution"  # 二次分配: shared account, or holder outside household
    DUPLICATE_ID = "duplicate_id"  # 虚报冒领: one person in two households' benefit
    PAID_AFTER_DEATH = "paid_after_death"  # 虚报冒领: deceased recipient still paid
    DEATH_REPORTED = "death_reported"  # a beneficiary's death reported: the county must act
    PAID_AFTER_TERMINATION = "paid_after_termination"  # 虚报冒领
    UNDECLARED_ASSETS = "undeclared_assets"  # 虚报冒领: vehicles or companies
    STORE_TAMPERED = "store_tampered"  # an event store no longer matches its sealed digest
    UNPAYABLE_BENEFICIARY = "unpayable_beneficiary"  # approved but unpaid (no bank account)


@event_type("supervision.AlertRaised", 1)
@dataclass(frozen=True)
class AlertRaised:
    """A detector found an irregularity; the evidence names the events and (masked) facts."""

    alert_id: str
    detector: Detector
    key: str  # what the alert is about, unique per detector (an account, a village, a payment…)
    division_code: str
    case_ids: tuple[str, ...]
    summary_zh: str
    evidence: dict[str, Any]


@event_type("supervision.StaffRegistered", 1)
@dataclass(frozen=True)
class StaffRegistered:
    """A cadre or civil-affairs staff member and their close relatives (favouritism check)."""

    staff_key: str  # sha256 of the resident ID: the registry keeps no ID in clear
    name_masked: str
    org: str
    role: str
    division_code: str
    relative_keys: tuple[str, ...]


def register_events(registry: EventRegistry) -> None:
    """Register the detector events."""
    registry.register_all(AlertRaised, StaffRegistered)
