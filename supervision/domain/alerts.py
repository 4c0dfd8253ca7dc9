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
    UNPAYABLE_BENEFICIARY = "unpayable_beneficiary"  # approved but unpaid (no account, no standard)
    FUNDS_NOT_ARRIVED = "funds_not_arrived"  # SUP-11: central/provincial money not arrived (到位)
    CASE_OVERDUE = "case_overdue"  # VER-9: a verification clock ran out (办理时限)
    REFERRAL_OVERDUE = "referral_overdue"  # INT-5: a referral not acknowledged in time (转介)
    URGENT_CASE_OVERDUE = "urgent_case_overdue"  # INT-6: an urgent case not responded to in time


class AlertStatus(StrEnum):
    """Where an alert stands: raised, seen, set aside with a reason, or sent up a level."""

    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"


class EscalationLevel(StrEnum):
    """The level an alert is escalated to, and the length of that level's division code."""

    CITY = "city"
    PROVINCE = "province"

    @property
    def code_length(self) -> int:
        """2 for the province, 4 for a city (GB/T 2260)."""
        return 2 if self is EscalationLevel.PROVINCE else 4


@event_type("supervision.AlertRaised", version=1)
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


@event_type("supervision.AlertEvidenceUpdated", version=1)
@dataclass(frozen=True)
class AlertEvidenceUpdated:
    """A later event changed what a raised alert is about (another household, another account):
    its cases and evidence as they now stand. Its status is left as it was."""

    alert_id: str
    detector: Detector
    key: str
    case_ids: tuple[str, ...]
    summary_zh: str
    evidence: dict[str, Any]


@event_type("supervision.AlertAcknowledged", version=1)
@dataclass(frozen=True)
class AlertAcknowledged:
    """An officer saw the alert and took it in hand (who and when: the envelope's actor)."""

    alert_id: str
    note: str


@event_type("supervision.AlertDismissed", version=1)
@dataclass(frozen=True)
class AlertDismissed:
    """An officer set the alert aside with a reason; its evidence key is never raised again."""

    alert_id: str
    detector: Detector
    key: str
    reason: str


@event_type("supervision.AlertEscalated", version=1)
@dataclass(frozen=True)
class AlertEscalated:
    """An officer sent the alert up to the city or the province, with a reason."""

    alert_id: str
    to_level: EscalationLevel
    to_division: str  # the city (4 digits) or province (2 digits) code of the alert's division
    reason: str


@event_type("supervision.StaffRegistered", version=1)
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
    registry.register_all(
        AlertRaised,
        AlertEvidenceUpdated,
        AlertAcknowledged,
        AlertDismissed,
        AlertEscalated,
        StaffRegistered,
    )
