"""Request bodies of verification's API (never the domain events themselves)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from shared.fields import CivilDate, Count, Fen, Int64
from shared.identity import DivisionCodeStr, ResidentIdStr
from verification.domain.policy import SOURCES

FEN_LIMIT = 10**13
Source = Literal[
    "household_registration",
    "social_insurance",
    "real_estate",
    "vehicles",
    "business_registration",
    "tax",
    "housing_fund",
    "bank_deposits",
]
assert set(SOURCES) == set(Source.__args__)  # type: ignore[attr-defined]


class StepIn(BaseModel):
    """A step that needs nothing but an optional reason."""

    reason: str | None = Field(default=None, max_length=500)


class ExtensionIn(BaseModel):
    """Why the whole process needs 45 working days instead of 30."""

    reason: str = Field(min_length=1, max_length=2000)


class ManualEvidenceIn(BaseModel):
    """An answer an officer obtained by hand after a source failed (manual follow-up)."""

    source: Source
    resident_id: ResidentIdStr
    monthly_income_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    assets_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    deceased: bool = False
    reference: str = Field(min_length=1, max_length=200, description="document obtained")


class SelfCareIn(BaseModel):
    """生活自理能力评估: one member's self-care ability as the visit found it (VER-8)."""

    resident_id: ResidentIdStr
    ability: Literal["full", "partial", "none"] = Field(
        description="full 全自理 | partial 半失能 | none 全失能; sets the care standard paid"
    )


class InvestigationIn(BaseModel):
    """入户调查: at least two staff, the day and the findings; for extreme poverty, every
    member's self-care ability."""

    staff: list[str] = Field(min_length=1, max_length=10)
    visited_on: date
    findings: str = Field(min_length=1, max_length=4000)
    self_care: list[SelfCareIn] = Field(
        default_factory=list,
        max_length=50,
        description="extreme poverty (特困): each member's self-care ability, required before"
        " the proposal; partial or none flags the person for centralised care (VER-8) and"
        " payments adds the care standard for that ability (PAY-1)",
    )


class AppraisalIn(BaseModel):
    """民主评议: recorded, never deciding alone."""

    held_on: date
    participants: Count = Field(ge=1, le=500)
    outcome: str = Field(min_length=1, max_length=2000)


class ProposalIn(BaseModel):
    """乡镇审核意见 with the proposed benefit (information for the county)."""

    proposed_monthly_amount_fen: Fen = Field(
        ge=0,
        lt=FEN_LIMIT,
        description="the township's proposed amount, shown to the county; it is not paid unless"
        " the county overrides the computed amount with it",
    )
    rural_class: Int64 | None = Field(default=None, ge=1, le=4)
    review_opinion: str = Field(min_length=1, max_length=2000)


class NoticeIn(BaseModel):
    """Where the notice is posted: the village/community (defaults to the case's village)."""

    village_code: DivisionCodeStr | None = None


class ObjectionIn(BaseModel):
    """An objection during the notice period; anyone, anonymous if they wish."""

    anonymous: bool = True
    content: str = Field(min_length=1, max_length=4000)


def _null_only(schema: dict[str, Any]) -> None:
    """A field kept only to refuse a value: the document says null (or leaving it out)."""
    schema.pop("anyOf", None)
    schema.update({"type": "null", "deprecated": True})


class DecisionIn(BaseModel):
    """The county's decision: approve (the amount by rule, or an override with its reason) or
    reject with the reason."""

    decision: Literal["approve", "reject"]
    reason: str = Field(min_length=1, max_length=2000)
    override_monthly_amount_fen: Fen | None = Field(
        default=None,
        ge=1,
        lt=FEN_LIMIT,
        description="fix the monthly amount instead of the computed one (needs override_reason);"
        " never recomputed when standards change",
    )
    override_reason: str | None = Field(
        default=None, min_length=1, max_length=2000, description="why the amount is fixed"
    )
    approved_monthly_amount_fen: Fen | None = Field(
        default=None,
        description="no longer accepted: state override_monthly_amount_fen and override_reason",
        json_schema_extra=_null_only,
    )
    rural_class: Int64 | None = Field(default=None, ge=1, le=4)
    effective_from: date | None = None
    override_deceased_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        description="approve although a member is reported deceased, and why (VER-7)",
    )
    care_arrangement: Literal["centralised", "scattered"] | None = Field(
        default=None,
        description="extreme poverty: 集中供养 centralised or 分散供养 scattered care, published"
        " with the approval for the centralised-care ratio (SUP-10); ignored for other programmes",
    )
    appeal_rights: str = Field(
        default="如对审批决定不服，可自收到决定之日起60日内申请行政复议，或6个月内提起行政诉讼",
        max_length=2000,
    )

    @field_validator("approved_monthly_amount_fen")
    @classmethod
    def _no_silent_amount(cls, value: int | None) -> int | None:
        """A fixed amount is an override and says why; it is never taken silently."""
        if value is not None:
            raise ValueError(
                "approved_monthly_amount_fen is no longer accepted: the amount is computed by"
                " rule; to fix it send override_monthly_amount_fen with override_reason"
            )
        return value


class AdjustmentIn(BaseModel):
    """A new monthly amount from a date."""

    approved_monthly_amount_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    effective_from: date
    reason: str = Field(min_length=1, max_length=2000)


class StopIn(BaseModel):
    """Suspend or terminate from a date, with the reason."""

    effective_from: date
    reason: str = Field(min_length=1, max_length=2000)


class RecheckIn(BaseModel):
    """Reopen investigation of an approved benefit."""

    reason: str = Field(min_length=1, max_length=2000)
    complaint_id: str | None = None


class BatchCase(BaseModel):
    """A proposal to take into the batch."""

    case_id: str = Field(min_length=1, max_length=100)
    programme: str = Field(min_length=1, max_length=50)


class BatchIn(BaseModel):
    """A county batch of one township's proposals; the rate may only be raised."""

    township_code: DivisionCodeStr
    cases: list[BatchCase] = Field(min_length=1, max_length=2000)
    rate: str | None = Field(default=None, description="decimal, at least the configured rate")


class SpotCheckIn(BaseModel):
    """A county visit to a sampled household."""

    case_id: str = Field(min_length=1, max_length=100)
    programme: str = Field(min_length=1, max_length=50)
    visited_by: list[str] = Field(min_length=1, max_length=10)
    visited_on: date
    findings: str = Field(min_length=1, max_length=4000)
    confirms_proposal: bool = True


class LifeEventIn(BaseModel):
    """One life event a partner department reports: for now a death from public security (公安)."""

    kind: Literal["death"]
    resident_id: ResidentIdStr
    died_on: CivilDate
    source_ref: str = Field(min_length=1, max_length=200, description="the partner's record id")
    reported_by_department: Literal["public_security"]


class LifeEventsIn(BaseModel):
    """A bulk feed of life events; each record is applied once whatever the retries."""

    records: list[LifeEventIn] = Field(min_length=1, max_length=1000)


class LifeEventOutcome(BaseModel):
    """What one record changed: matched (cases affected), unmatched, or a repeat of a known one."""

    source_ref: str
    outcome: Literal["matched", "unmatched"]
    repeated: bool
    cases_affected: int


class LifeEventsRead(BaseModel):
    """The answer to a feed: one outcome per record, in order."""

    results: list[LifeEventOutcome]
    matched: int
    unmatched: int
