"""Typed contracts of the events supervision publishes, one per type at its current
version. Generated from supervision's registry by `python -m services contracts`: do not edit.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal

from shared.contracts import Contract, Part


class Complainant(Part):
    """Who complained; shown only to the inspector handling the complaint."""

    name: str
    phone: str | None = None
    resident_id: str | None = None


class Finding(Part):
    """A problem found on the visit."""

    finding_id: str
    description: str
    severity: str


class SealedRange(Part):
    """The positions of one service sealed by a digest, and their Merkle root."""

    service: str
    from_position: int
    to_position: int
    events: int
    merkle_root: str


class AccountabilityRecorded(Contract):
    """Someone was held accountable for a finding (追责问责)."""

    TYPE: ClassVar[str] = "supervision.AccountabilityRecorded"
    VERSION: ClassVar[int] = 1
    inspection_id: str
    finding_id: str
    person_role: str
    org: str
    measure: str
    decided_on: date


class AlertAcknowledged(Contract):
    """An officer saw the alert and took it in hand (who and when: the envelope's actor)."""

    TYPE: ClassVar[str] = "supervision.AlertAcknowledged"
    VERSION: ClassVar[int] = 1
    alert_id: str
    note: str


class AlertDismissed(Contract):
    """An officer set the alert aside with a reason; its evidence key is never raised again."""

    TYPE: ClassVar[str] = "supervision.AlertDismissed"
    VERSION: ClassVar[int] = 1
    alert_id: str
    detector: Literal[
        "favouritism",
        "averaging",
        "redistribution",
        "duplicate_id",
        "paid_after_death",
        "death_reported",
        "paid_after_termination",
        "undeclared_assets",
        "store_tampered",
        "unpayable_beneficiary",
        "funds_not_arrived",
        "case_overdue",
        "referral_overdue",
        "urgent_case_overdue",
    ]
    key: str
    reason: str


class AlertEscalated(Contract):
    """An officer sent the alert up to the city or the province, with a reason."""

    TYPE: ClassVar[str] = "supervision.AlertEscalated"
    VERSION: ClassVar[int] = 1
    alert_id: str
    to_level: Literal["city", "province"]
    to_division: str
    reason: str


class AlertEvidenceUpdated(Contract):
    """A later event changed what a raised alert is about (another household, another account):
    its cases and evidence as they now stand. Its status is left as it was."""

    TYPE: ClassVar[str] = "supervision.AlertEvidenceUpdated"
    VERSION: ClassVar[int] = 1
    alert_id: str
    detector: Literal[
        "favouritism",
        "averaging",
        "redistribution",
        "duplicate_id",
        "paid_after_death",
        "death_reported",
        "paid_after_termination",
        "undeclared_assets",
        "store_tampered",
        "unpayable_beneficiary",
        "funds_not_arrived",
        "case_overdue",
        "referral_overdue",
        "urgent_case_overdue",
    ]
    key: str
    case_ids: tuple[str, ...]
    summary_zh: str
    evidence: dict[str, Any]


class AlertRaised(Contract):
    """A detector found an irregularity; the evidence names the events and (masked) facts."""

    TYPE: ClassVar[str] = "supervision.AlertRaised"
    VERSION: ClassVar[int] = 1
    alert_id: str
    detector: Literal[
        "favouritism",
        "averaging",
        "redistribution",
        "duplicate_id",
        "paid_after_death",
        "death_reported",
        "paid_after_termination",
        "undeclared_assets",
        "store_tampered",
        "unpayable_beneficiary",
        "funds_not_arrived",
        "case_overdue",
        "referral_overdue",
        "urgent_case_overdue",
    ]
    key: str
    division_code: str
    case_ids: tuple[str, ...]
    summary_zh: str
    evidence: dict[str, Any]


class CalendarYearSet(Contract):
    """An operator set (or corrected) a year's holidays and make-up working days."""

    TYPE: ClassVar[str] = "supervision.CalendarYearSet"
    VERSION: ClassVar[int] = 1
    year: int
    holidays: tuple[date, ...]
    makeup_workdays: tuple[date, ...]
    document_ref: str
    reason: str


class ComplaintAssigned(Contract):
    """The complaint was given to one inspector to verify."""

    TYPE: ClassVar[str] = "supervision.ComplaintAssigned"
    VERSION: ClassVar[int] = 1
    complaint_id: str
    inspector_id: str


class ComplaintClosed(Contract):
    """The outcome was fed back and the complaint closed."""

    TYPE: ClassVar[str] = "supervision.ComplaintClosed"
    VERSION: ClassVar[int] = 1
    complaint_id: str
    feedback: str
    upheld: bool


class ComplaintOverdue(Contract):
    """The complaint was not closed by its deadline."""

    TYPE: ClassVar[str] = "supervision.ComplaintOverdue"
    VERSION: ClassVar[int] = 1
    complaint_id: str
    due_on: date
    status: str


class ComplaintReceived(Contract):
    """A complaint or report was registered, anonymous or not, with its handling deadline."""

    TYPE: ClassVar[str] = "supervision.ComplaintReceived"
    VERSION: ClassVar[int] = 1
    complaint_id: str
    channel: Literal["hotline", "online", "letter"]
    anonymous: bool
    complainant: Complainant | None
    division_code: str
    subject_case_id: str | None
    allegation: Literal["favouritism", "averaging", "redistribution", "false_claim", "other"]
    summary: str
    received_on: date
    due_on: date
    calendar_version: str | None = None


class ComplaintVerified(Contract):
    """The inspector's finding: upheld or not, and what was found."""

    TYPE: ClassVar[str] = "supervision.ComplaintVerified"
    VERSION: ClassVar[int] = 1
    complaint_id: str
    upheld: bool
    findings: str


class CorrectiveActionOrdered(Contract):
    """A correction other services act on: re-check, suspend the benefit, recover an
    overpayment."""

    TYPE: ClassVar[str] = "supervision.CorrectiveActionOrdered"
    VERSION: ClassVar[int] = 1
    action_id: str
    case_id: str
    action: Literal["recheck", "suspend_benefit", "recover_overpayment"]
    programme: str | None
    amount_fen: int | None
    reason: str
    complaint_id: str | None


class DeskStaffNamed(Contract):
    """The person at the township's one-door desk for acceptance and referral (配备专人)."""

    TYPE: ClassVar[str] = "supervision.DeskStaffNamed"
    VERSION: ClassVar[int] = 1
    division_code: str
    name: str
    phone: str | None
    since: date


class HazardCheckRecorded(Contract):
    """A periodic or ad-hoc hazard check (排查) and the state of the fire equipment."""

    TYPE: ClassVar[str] = "supervision.HazardCheckRecorded"
    VERSION: ClassVar[int] = 1
    institution_id: str
    check_id: str
    checked_on: date
    categories: tuple[
        Literal["fire", "electricity", "freezing", "food_poisoning", "gas_poisoning"], ...
    ]
    fire_equipment_complete: bool


class HazardClosed(Contract):
    """The hazard was removed."""

    TYPE: ClassVar[str] = "supervision.HazardClosed"
    VERSION: ClassVar[int] = 1
    institution_id: str
    hazard_id: str
    closed_on: date
    note: str


class HazardRecorded(Contract):
    """A hazard found, to be closed by a date."""

    TYPE: ClassVar[str] = "supervision.HazardRecorded"
    VERSION: ClassVar[int] = 1
    institution_id: str
    hazard_id: str
    category: Literal["fire", "electricity", "freezing", "food_poisoning", "gas_poisoning"]
    description: str
    due_on: date


class ImplementationReportFiled(Contract):
    """A county filed (or re-filed) its implementation report for a period."""

    TYPE: ClassVar[str] = "supervision.ImplementationReportFiled"
    VERSION: ClassVar[int] = 1
    county_code: str
    period: str
    document_ref: str
    summary: str
    filed_on: date
    due_on: date
    late: bool


class InspectionPlanned(Contract):
    """An inspection was planned (an unannounced one is hidden from the inspected division)."""

    TYPE: ClassVar[str] = "supervision.InspectionPlanned"
    VERSION: ClassVar[int] = 1
    inspection_id: str
    kind: Literal["routine", "periodic", "special", "follow_up", "unannounced"]
    division_code: str
    planned_on: date
    scope: str
    team: tuple[str, ...]


class InspectionRecorded(Contract):
    """The visit took place; what was found."""

    TYPE: ClassVar[str] = "supervision.InspectionRecorded"
    VERSION: ClassVar[int] = 1
    inspection_id: str
    division_code: str
    visited_on: date
    findings: tuple[Finding, ...]


class InstitutionRegistered(Contract):
    """An institution entered the safety registry."""

    TYPE: ClassVar[str] = "supervision.InstitutionRegistered"
    VERSION: ClassVar[int] = 1
    institution_id: str
    kind: Literal[
        "welfare_home",
        "support_institution",
        "rescue_station",
        "open_rescue_point",
        "temporary_shelter",
    ]
    name: str
    division_code: str
    capacity: int


class JointMeetingHeld(Contract):
    """A city's joint meeting on social assistance and left-behind children (联席会议)."""

    TYPE: ClassVar[str] = "supervision.JointMeetingHeld"
    VERSION: ClassVar[int] = 1
    city_code: str
    year: int
    held_on: date
    topics: tuple[str, ...]
    departments: tuple[str, ...]


class MechanismFiled(Contract):
    """A county filed its coordination mechanism with the provincial department."""

    TYPE: ClassVar[str] = "supervision.MechanismFiled"
    VERSION: ClassVar[int] = 1
    county_code: str
    year: int
    filed_on: date
    head: str
    lead_department: str
    member_departments: tuple[str, ...]


class PolicySet(Contract):
    """The province set a supervision policy number from a date (SUP-10, SUP-11)."""

    TYPE: ClassVar[str] = "supervision.PolicySet"
    VERSION: ClassVar[int] = 1
    name: str
    value: str
    effective_from: date
    scope: str
    reason: str
    version: int


class PolicyTaskReported(Contract):
    """A county reported its progress on a dated policy task."""

    TYPE: ClassVar[str] = "supervision.PolicyTaskReported"
    VERSION: ClassVar[int] = 1
    county_code: str
    year: int
    task_id: str
    status: str
    reported_on: date
    note: str


class RectificationOrdered(Contract):
    """The inspected body must correct a finding by a date."""

    TYPE: ClassVar[str] = "supervision.RectificationOrdered"
    VERSION: ClassVar[int] = 1
    inspection_id: str
    finding_id: str
    requirement: str
    responsible_org: str
    due_on: date


class RectificationVerified(Contract):
    """The inspectors checked whether the correction happened."""

    TYPE: ClassVar[str] = "supervision.RectificationVerified"
    VERSION: ClassVar[int] = 1
    inspection_id: str
    finding_id: str
    rectified: bool
    note: str


class SafetyActivityRecorded(Contract):
    """An emergency drill (应急预案演练) or a staff safety training."""

    TYPE: ClassVar[str] = "supervision.SafetyActivityRecorded"
    VERSION: ClassVar[int] = 1
    institution_id: str
    activity: str
    held_on: date
    topic: str
    participants: int


class ServicePurchased(Contract):
    """Social-assistance services bought from a provider (政府购买社会救助服务)."""

    TYPE: ClassVar[str] = "supervision.ServicePurchased"
    VERSION: ClassVar[int] = 1
    division_code: str
    provider: str
    service: str
    amount_fen: int
    period_from: date
    period_to: date


class StaffRegistered(Contract):
    """A cadre or civil-affairs staff member and their close relatives (favouritism check)."""

    TYPE: ClassVar[str] = "supervision.StaffRegistered"
    VERSION: ClassVar[int] = 1
    staff_key: str
    name_masked: str
    org: str
    role: str
    division_code: str
    relative_keys: tuple[str, ...]


class StaffTrainingRecorded(Contract):
    """Training of social-assistance staff (业务培训)."""

    TYPE: ClassVar[str] = "supervision.StaffTrainingRecorded"
    VERSION: ClassVar[int] = 1
    division_code: str
    held_on: date
    topic: str
    attendees: int


class StoreDigestSealed(Contract):
    """A run of this service's event store sealed under a Merkle root chained on the last one."""

    TYPE: ClassVar[str] = "supervision.StoreDigestSealed"
    VERSION: ClassVar[int] = 1
    digest_id: str
    sequence: int
    from_position: int
    to_position: int
    events: int
    merkle_root: str
    previous_root: str
    root: str
    sealed_at: str


class TrailDigestSealed(Contract):
    """A period of the audit trail sealed under a chained Merkle root."""

    TYPE: ClassVar[str] = "supervision.TrailDigestSealed"
    VERSION: ClassVar[int] = 1
    digest_id: str
    sequence: int
    period_start: datetime
    period_end: datetime
    ranges: tuple[SealedRange, ...]
    previous_root: str
    root: str


class WebhookReplayRequested(Contract):
    """Everything delivered (or due) to the subscription from a point on is to be sent again."""

    TYPE: ClassVar[str] = "supervision.WebhookReplayRequested"
    VERSION: ClassVar[int] = 1
    subscription_id: str
    from_instant: datetime | None
    from_delivery_id: int | None
    deliveries: int


class WebhookSecretRotated(Contract):
    """A new signing secret; the previous ones keep signing beside it until `previous_until`."""

    TYPE: ClassVar[str] = "supervision.WebhookSecretRotated"
    VERSION: ClassVar[int] = 1
    subscription_id: str
    secret_id: str
    previous_until: datetime


class WebhookSubscribed(Contract):
    """A partner system or bureau subscribed a callback URL to public events (secret not here)."""

    TYPE: ClassVar[str] = "supervision.WebhookSubscribed"
    VERSION: ClassVar[int] = 1
    subscription_id: str
    callback_url: str
    event_types: tuple[str, ...]
    division_codes: tuple[str, ...]
    programmes: tuple[str, ...]
    owner_client_id: str
    owner_role: str
    owner_division: str
    secret_id: str


class WebhookSubscriptionCancelled(Contract):
    """The subscription ends: nothing more is sent to it."""

    TYPE: ClassVar[str] = "supervision.WebhookSubscriptionCancelled"
    VERSION: ClassVar[int] = 1
    subscription_id: str
