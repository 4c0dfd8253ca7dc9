"""Request and response models of the complaints API (SUP-2)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.fields import Fen, PersonName, Text
from shared.http.problems import FieldRuleViolated
from shared.http.tokens import Principal
from shared.identity import DivisionCodeStr, ResidentIdStr
from shared.privacy import PROTECTED
from supervision.domain.complaint import Allegation, Complaint, ComplaintChannel, CorrectiveAction

FEN_LIMIT = 10**13


class ComplainantIn(BaseModel):
    """The complainant of a named complaint (kept from everyone but the handling inspector)."""

    model_config = ConfigDict(extra="forbid")

    name: PersonName = Field(min_length=1, max_length=50)
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 -]{7,20}$")
    resident_id: ResidentIdStr | None = None


class ComplaintCreate(BaseModel):
    """A complaint or report as the hotline, website or letter office registers it."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "channel": "hotline",
                    "anonymous": False,
                    "complainant": {
                        "name": "张建国",
                        "phone": "13893112345",
                        "resident_id": "620102198507163328",
                    },
                    "division_code": "620105001",
                    "subject_case_id": "5f0c6d0e-1b7a-4c55-9a51-7c1f0b6f2a11",
                    "allegation": "favouritism",
                    "summary": "反映某村村委会主任的弟弟家有两套住房和一辆小轿车，却享受农村低保",
                }
            ]
        },
    )

    channel: ComplaintChannel
    anonymous: bool = False
    complainant: ComplainantIn | None = None
    division_code: DivisionCodeStr
    subject_case_id: str | None = Field(
        default=None,
        max_length=100,
        description="the case complained about, as its audit trail names it (an application id);"
        " one supervision has not seen in the caller's jurisdiction is a 422 `unknown-case`."
        " Left out for a complaint about no particular case",
    )
    allegation: Allegation
    summary: Text = Field(min_length=1, max_length=4000)


class AssignmentIn(BaseModel):
    """Who handles the complaint."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "inspector_id": "inspector-620100-007",
                }
            ]
        },
    )

    inspector_id: Text = Field(min_length=1, max_length=200)


class VerificationIn(BaseModel):
    """The handling inspector's finding."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "upheld": True,
                    "findings": (
                        "经入户核查和车辆、房产信息比对，该户有小轿车一辆、商品房一套，反映属实"
                    ),
                }
            ]
        },
    )

    upheld: bool
    findings: Text = Field(min_length=1, max_length=8000)


class ActionIn(BaseModel):
    """A corrective action on the case (defaults to the case the complaint is about)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "action": "recover_overpayment",
                    "case_id": "case-620105001-000123",
                    "programme": "rural_dibao",
                    "amount_fen": 360000,
                    "reason": "不符合低保条件期间多领低保金3600元，依法追回",
                }
            ]
        },
    )

    action: CorrectiveAction
    case_id: str | None = Field(default=None, max_length=100)
    programme: str | None = Field(default=None, max_length=60)
    amount_fen: Fen | None = Field(default=None, ge=1, le=FEN_LIMIT)
    reason: Text = Field(min_length=1, max_length=2000)

    @model_validator(mode="after")
    def _what_the_receivers_need(self) -> ActionIn:
        """Payments acts on a suspension only for a programme, on a recovery only with both."""
        if self.action != CorrectiveAction.RECHECK and not self.programme:
            raise FieldRuleViolated(
                "programme", "programme is required to suspend a benefit or recover money"
            )
        if self.action == CorrectiveAction.RECOVER_OVERPAYMENT and self.amount_fen is None:
            raise FieldRuleViolated(
                "amount_fen", "amount_fen is required to recover an overpayment"
            )
        return self


class ClosureIn(BaseModel):
    """The feedback given to the complainant (or published, when anonymous)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "feedback": "反映属实，已停发该户低保金并追回多领的3600元，已电话告知举报人",
                }
            ]
        },
    )

    feedback: Text = Field(min_length=1, max_length=4000)


class ComplaintRead(BaseModel):
    """A complaint as its reader may see it: the complainant and the summary only for the handling
    inspector (others read `［受保护 protected］` for the summary)."""

    complaint_id: str
    version: int
    status: str
    channel: str
    anonymous: bool
    complainant: dict[str, Any] | None
    complainant_visible: bool
    division_code: str
    subject_case_id: str | None
    allegation: str
    summary: str
    received_on: date
    due_on: date
    overdue: bool
    inspector_id: str | None
    upheld: bool | None
    actions: list[dict[str, Any]]


class ComplaintListItem(BaseModel):
    """A complaint in a list (no complainant, no summary)."""

    complaint_id: str
    version: int
    status: str
    channel: str
    anonymous: bool
    division_code: str
    subject_case_id: str | None
    allegation: str
    assigned_to: str | None
    upheld: bool | None
    received_on: date
    due_on: date
    overdue: bool


INSPECTOR = "inspector"  # the role that handles complaints (SUP-2)


def read_of(complaint: Complaint, viewer: Principal, today: date) -> ComplaintRead:
    """The complaint as `viewer` may see it: the complainant and the summary only by the
    handling inspector, an inspector the complaint was assigned to by someone else."""
    received = complaint.received
    assert received is not None
    handler = viewer.role == INSPECTOR and viewer.subject == complaint.inspector_id
    visible = handler and received.complainant is not None
    who = received.complainant
    complainant = (
        {"name": who.name, "phone": who.phone, "resident_id": who.resident_id}
        if visible and who is not None
        else None
    )
    return ComplaintRead(
        complaint_id=complaint.id,
        version=complaint.version,
        status=complaint.status,
        channel=received.channel,
        anonymous=received.anonymous,
        complainant=complainant,
        complainant_visible=visible,
        division_code=received.division_code,
        subject_case_id=received.subject_case_id,
        allegation=received.allegation,
        # a complainant often leaves a name or a number in the summary, and the county may be
        # the one the complaint accuses: only the handler reads it
        summary=received.summary if handler else PROTECTED,
        received_on=received.received_on,
        due_on=received.due_on,
        overdue=complaint.status != "closed" and received.due_on < today,
        inspector_id=complaint.inspector_id,
        upheld=complaint.upheld,
        actions=[
            {
                "action_id": a.action_id,
                "case_id": a.case_id,
                "action": a.action,
                "programme": a.programme,
                "amount_fen": a.amount_fen,
                "reason": a.reason,
            }
            for a in complaint.actions
        ],
    )
