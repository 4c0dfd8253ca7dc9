"""The complaint aggregate (投诉举报核查, SUP-2): received → assigned → verified → closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError, Forbidden
from shared.eventstore.registry import EventRegistry, event_type


class ComplaintChannel(StrEnum):
    """How the complaint reached supervision."""

    HOTLINE = "hotline"  # 举报电话
    ONLINE = "online"  # 网上举报
    LETTER = "letter"  # 来信


class Allegation(StrEnum):
    """What the complaint alleges (the problems the notice names)."""

    FAVOURITISM = "favouritism"  # 人情保、关系保
    AVERAGING = "averaging"  # 平均保
    REDISTRIBUTION = "redistribution"  # 二次分配
    FALSE_CLAIM = "false_claim"  # 虚报冒领
    OTHER = "other"


class CorrectiveAction(StrEnum):
    """What the other services are told to do (contract `supervision.CorrectiveActionOrdered`)."""

    RECHECK = "recheck"
    SUSPEND_BENEFIT = "suspend_benefit"
    RECOVER_OVERPAYMENT = "recover_overpayment"


@dataclass(frozen=True)
class Complainant:
    """Who complained; shown only to the inspector handling the complaint."""

    name: str
    phone: str | None = None
    resident_id: str | None = None


@event_type("supervision.ComplaintReceived", version=1)
@dataclass(frozen=True)
class ComplaintReceived:
    """A complaint or report was registered, anonymous or not, with its handling deadline."""

    complaint_id: str
    channel: ComplaintChannel
    anonymous: bool
    complainant: Complainant | None
    division_code: str
    subject_case_id: str | None
    allegation: Allegation
    summary: str
    received_on: date  # China time
    due_on: date  # received_on + the policy's working days
    calendar_version: str | None = None  # the working calendar due_on was computed on


@event_type("supervision.ComplaintAssigned", version=1)
@dataclass(frozen=True)
class ComplaintAssigned:
    """The complaint was given to one inspector to verify."""

    complaint_id: str
    inspector_id: str


@event_type("supervision.ComplaintVerified", version=1)
@dataclass(frozen=True)
class ComplaintVerified:
    """The inspector's finding: upheld or not, and what was found."""

    complaint_id: str
    upheld: bool
    findings: str


@event_type("supervision.CorrectiveActionOrdered", version=1)
@dataclass(frozen=True)
class CorrectiveActionOrdered:
    """A correction other services act on: re-check, suspend the benefit, recover an overpayment."""

    action_id: str
    case_id: str
    action: CorrectiveAction
    programme: str | None
    amount_fen: int | None
    reason: str
    complaint_id: str | None


@event_type("supervision.ComplaintOverdue", version=1)
@dataclass(frozen=True)
class ComplaintOverdue:
    """The complaint was not closed by its deadline."""

    complaint_id: str
    due_on: date
    status: str


@event_type("supervision.ComplaintClosed", version=1)
@dataclass(frozen=True)
class ComplaintClosed:
    """The outcome was fed back and the complaint closed."""

    complaint_id: str
    feedback: str
    upheld: bool


class ComplaintStateError(DomainError):
    """The complaint is not at a stage where this step is allowed."""

    code = "complaint-wrong-stage"
    status = 409
    title_en = "The complaint is not at this stage"
    title_zh = "投诉举报当前环节不允许此操作"


class NotTheHandlingInspector(Forbidden):
    """Only the inspector the complaint is assigned to may verify, order and close it."""

    code = "not-handling-inspector"
    title_en = "Only the assigned inspector may do this"
    title_zh = "仅承办该投诉的督查人员可执行此操作"


class AssignedToSelf(DomainError):
    """Whoever assigns a complaint cannot handle it: the handler alone reads the complainant."""

    code = "complaint-assigned-to-self"
    status = 403
    title_en = "A complaint cannot be assigned to the one who assigns it"
    title_zh = "交办人不得将投诉举报交办给本人"


class MissingCase(DomainError):
    """A corrective action needs the case it applies to."""

    code = "case-id-required"
    title_en = "case_id is required"
    title_zh = "须指明整改针对的案件 case_id"


class Complaint(Aggregate):
    """One complaint's handling, from registration to feedback."""

    stream_prefix = "complaint"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.status = "new"
        self.inspector_id: str | None = None
        self.upheld: bool | None = None
        self.received: ComplaintReceived | None = None
        self.actions: list[CorrectiveActionOrdered] = []
        self.overdue = False

    def receive(self, event: ComplaintReceived) -> None:
        """Register the complaint (once)."""
        self._at("new", "register")
        if not event.anonymous and event.complainant is None:
            raise DomainError(
                "a named complaint needs the complainant (or set anonymous)",
                "实名举报须填写举报人信息（或选择匿名）",
                field="complainant",
            )
        self.record(event)

    def assign(self, inspector_id: str, assigned_by: str) -> None:
        """Give the complaint to an inspector other than the one assigning it (re-assignment
        allowed until verified)."""
        self._at(("received", "assigned"), "assign")
        if inspector_id == assigned_by:
            raise AssignedToSelf(
                "inspector_id: a complaint is handled by an inspector other than its assigner",
                "inspector_id：投诉举报须交办给交办人以外的督查人员",
                field="inspector_id",
            )
        self.record(ComplaintAssigned(self.id, inspector_id))

    def verify(self, inspector_id: str, upheld: bool, findings: str) -> None:
        """Record the handling inspector's finding."""
        self._at("assigned", "verify")
        self._by_inspector(inspector_id)
        self.record(ComplaintVerified(self.id, upheld, findings))

    def case_for_action(self, named: str | None) -> str:
        """The case a corrective action applies to: the one named, else the complaint's subject."""
        case_id = named or (self.received.subject_case_id if self.received else None)
        if not case_id:
            raise MissingCase(
                "name the case_id the action applies to", "请指明整改针对的案件", field="case_id"
            )
        return case_id

    def order(self, inspector_id: str, action: CorrectiveActionOrdered) -> None:
        """Order a corrective action on an upheld complaint."""
        self._at("verified", "order corrective action")
        self._by_inspector(inspector_id)
        if not self.upheld:
            raise ComplaintStateError(
                "corrective actions follow only an upheld complaint", "投诉举报未查实，不能责令整改"
            )
        self.record(action)

    def flag_overdue(self) -> None:
        """Note once that the deadline passed with the complaint still open."""
        if self.status != "closed" and not self.overdue and self.received is not None:
            self.record(ComplaintOverdue(self.id, self.received.due_on, self.status))

    def close(self, inspector_id: str, feedback: str) -> None:
        """Feed the outcome back and close."""
        self._at("verified", "close")
        self._by_inspector(inspector_id)
        self.record(ComplaintClosed(self.id, feedback, bool(self.upheld)))

    def _at(self, allowed: str | tuple[str, ...], step: str) -> None:
        stages = (allowed,) if isinstance(allowed, str) else allowed
        if self.status not in stages:
            raise ComplaintStateError(
                f"cannot {step} a complaint that is {self.status}",
                f"投诉举报当前状态为 {self.status}，不能执行该操作",
                stage=self.status,
            )

    def _by_inspector(self, inspector_id: str) -> None:
        if inspector_id != self.inspector_id:
            raise NotTheHandlingInspector(
                "only the inspector the complaint is assigned to may do this",
                "仅承办该投诉举报的督查人员可执行此操作",
            )

    def when_ComplaintReceived(self, event: ComplaintReceived) -> None:
        self.status, self.received = "received", event

    def when_ComplaintAssigned(self, event: ComplaintAssigned) -> None:
        self.status, self.inspector_id = "assigned", event.inspector_id

    def when_ComplaintVerified(self, event: ComplaintVerified) -> None:
        self.status, self.upheld = "verified", event.upheld

    def when_CorrectiveActionOrdered(self, event: CorrectiveActionOrdered) -> None:
        self.actions.append(event)

    def when_ComplaintOverdue(self, event: ComplaintOverdue) -> None:
        self.overdue = True

    def when_ComplaintClosed(self, event: ComplaintClosed) -> None:
        self.status = "closed"


def register_events(registry: EventRegistry) -> None:
    """Register the complaint events."""
    registry.register_all(
        ComplaintReceived,
        ComplaintAssigned,
        ComplaintVerified,
        CorrectiveActionOrdered,
        ComplaintOverdue,
        ComplaintClosed,
    )
