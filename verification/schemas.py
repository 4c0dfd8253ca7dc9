"""Request bodies of verification's API (never the domain events themselves)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shared.fields import CivilDate, Count, Fen, Int64, PersonName, Text
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

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "经申请人书面授权，查询家庭经济状况"}]},
    )

    reason: str | None = Field(default=None, max_length=500)


class ExtensionIn(BaseModel):
    """Why the whole process needs 45 working days instead of 30."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"reason": "申请人在外地住院治疗，入户调查无法按期完成，延长办理时限"}]
        },
    )

    reason: Text = Field(min_length=1, max_length=2000)


class ManualEvidenceIn(BaseModel):
    """An answer an officer obtained by hand after a source failed (manual follow-up)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "source": "bank_deposits",
                    "resident_id": "620102196204180519",
                    "monthly_income_fen": 0,
                    "assets_fen": 1250000,
                    "deceased": False,
                    "reference": "兰州农商银行城关支行存款证明（2027）第0312号",
                }
            ]
        },
    )

    source: Source
    resident_id: ResidentIdStr
    monthly_income_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    assets_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    deceased: bool = False
    reference: Text = Field(min_length=1, max_length=200, description="document obtained")


class SelfCareIn(BaseModel):
    """生活自理能力评估: one member's self-care ability as the visit found it (VER-8)."""

    model_config = ConfigDict(extra="forbid")

    resident_id: ResidentIdStr
    ability: Literal["full", "partial", "none"] = Field(
        description="full 全自理 | partial 半失能 | none 全失能; sets the care standard paid"
    )


class InvestigationIn(BaseModel):
    """入户调查: at least two staff, the day and the findings; for extreme poverty, every
    member's self-care ability."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "staff": ["王建军", "马晓燕"],
                    "visited_on": "2027-03-09",
                    "findings": "户主尿毒症长期透析，配偶无固定工作，家中无车辆、无商铺",
                    "self_care": [{"resident_id": "620102194607220934", "ability": "partial"}],
                }
            ]
        },
    )

    staff: list[PersonName] = Field(min_length=1, max_length=10)
    visited_on: date
    findings: Text = Field(min_length=1, max_length=4000)
    self_care: list[SelfCareIn] = Field(
        default_factory=list,
        max_length=50,
        description="extreme poverty (特困): each member's self-care ability, required before"
        " the proposal; partial or none flags the person for centralised care (VER-8) and"
        " payments adds the care standard for that ability (PAY-1)",
    )


class AppraisalIn(BaseModel):
    """民主评议: recorded, never deciding alone."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "held_on": "2027-03-09",
                    "participants": 15,
                    "outcome": "评议小组15人参加，14人同意纳入城市低保，1人弃权",
                }
            ]
        },
    )

    held_on: date
    participants: Count = Field(ge=1, le=500)
    outcome: Text = Field(min_length=1, max_length=2000)


class ProposalIn(BaseModel):
    """乡镇审核意见 with the proposed benefit (information for the county)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "proposed_monthly_amount_fen": 72000,
                    "review_opinion": "家庭人均月收入低于城市低保标准，建议纳入城市低保",
                }
            ]
        },
    )

    proposed_monthly_amount_fen: Fen = Field(
        ge=0,
        lt=FEN_LIMIT,
        description="the township's proposed amount, shown to the county; it is not paid unless"
        " the county overrides the computed amount with it",
    )
    rural_class: Int64 | None = Field(default=None, ge=1, le=4)
    review_opinion: Text = Field(min_length=1, max_length=2000)


class NoticeIn(BaseModel):
    """Where the notice is posted: the village/community (defaults to the case's village)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"village_code": "620102001001"}]}
    )

    village_code: DivisionCodeStr | None = None


class ObjectionIn(BaseModel):
    """An objection during the notice period; anyone, anonymous if they wish."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"anonymous": True, "content": "反映该户家中有一辆营运出租车，收入未如实申报"}
            ]
        },
    )

    anonymous: bool = True
    content: Text = Field(min_length=1, max_length=4000)


def _null_only(schema: dict[str, Any]) -> None:
    """A field kept only to refuse a value: the document says null (or leaving it out)."""
    schema.pop("anyOf", None)
    schema.update({"type": "null", "deprecated": True})


class DecisionIn(BaseModel):
    """The county's decision: approve (the amount by rule, or an override with its reason) or
    reject with the reason."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "decision": "approve",
                    "reason": "经调查、评议、抽查和公示，家庭人均收入低于低保标准，予以批准",
                    "effective_from": "2027-04-01",
                }
            ]
        },
    )

    decision: Literal["approve", "reject"]
    reason: Text = Field(min_length=1, max_length=2000)
    override_monthly_amount_fen: Fen | None = Field(
        default=None,
        ge=1,
        lt=FEN_LIMIT,
        description="fix the monthly amount instead of the computed one (needs override_reason);"
        " never recomputed when standards change",
    )
    override_reason: Text | None = Field(
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

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approved_monthly_amount_fen": 68000,
                    "effective_from": "2027-04-01",
                    "reason": "配偶实现灵活就业，家庭人均月收入增加，重新核定保障金额",
                }
            ]
        },
    )

    approved_monthly_amount_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    effective_from: date
    reason: Text = Field(min_length=1, max_length=2000)


class StopIn(BaseModel):
    """Suspend or terminate from a date, with the reason."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "effective_from": "2027-04-01",
                    "reason": "经复核，家庭人均月收入已连续三个月高于当地城市低保标准",
                }
            ]
        },
    )

    effective_from: date
    reason: Text = Field(min_length=1, max_length=2000)


class ResumeIn(BaseModel):
    """Pay again from a date: a suspension cleared up, or the survivors of a member's death at
    the amount set for them (ADR 0066)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "approved_monthly_amount_fen": 52000,
                    "effective_from": "2027-04-01",
                    "reason": "家庭成员死亡，经核查其余成员仍符合条件，按两人户重新核定并恢复发放",
                }
            ]
        },
    )

    approved_monthly_amount_fen: Fen | None = Field(
        default=None,
        ge=1,
        lt=FEN_LIMIT,
        description="The monthly amount from `effective_from`; omitted keeps the amount in force.",
    )
    effective_from: date = Field(
        description="The first day paid again; months a run left unpaid since are paid back."
    )
    reason: Text = Field(min_length=1, max_length=2000)


class RecheckIn(BaseModel):
    """Reopen investigation of an approved benefit."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason": "群众来信反映该户购置营运车辆，启动复核",
                    "complaint_id": "9d3a6f1e-7b2c-4c85-8e04-61f5a2b7c9d0",
                }
            ]
        },
    )

    reason: Text = Field(min_length=1, max_length=2000)
    complaint_id: str | None = None


class BatchCase(BaseModel):
    """A proposal to take into the batch."""

    model_config = ConfigDict(extra="forbid")

    case_id: Text = Field(min_length=1, max_length=100)
    programme: Text = Field(min_length=1, max_length=50)


class BatchIn(BaseModel):
    """A county batch of one township's proposals; the rate may only be raised."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "township_code": "620102001",
                    "cases": [
                        {
                            "case_id": "5b0e8c7a-3d2f-4e61-9a48-2f7c1d9e6b35",
                            "programme": "urban_dibao",
                        }
                    ],
                    "rate": "0.35",
                }
            ]
        },
    )

    township_code: DivisionCodeStr
    cases: list[BatchCase] = Field(min_length=1, max_length=2000)
    rate: str | None = Field(default=None, description="decimal, at least the configured rate")


class SpotCheckIn(BaseModel):
    """A county visit to a sampled household."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "case_id": "5b0e8c7a-3d2f-4e61-9a48-2f7c1d9e6b35",
                    "programme": "urban_dibao",
                    "visited_by": ["城关区民政局 赵志刚", "城关区民政局 钱丽"],
                    "visited_on": "2027-03-09",
                    "findings": "入户核实家庭成员、收入和财产情况，与乡镇调查结果一致",
                    "confirms_proposal": True,
                }
            ]
        },
    )

    case_id: Text = Field(min_length=1, max_length=100)
    programme: Text = Field(min_length=1, max_length=50)
    visited_by: list[PersonName] = Field(min_length=1, max_length=10)
    visited_on: date
    findings: Text = Field(min_length=1, max_length=4000)
    confirms_proposal: bool = True


class LifeEventIn(BaseModel):
    """One life event a partner department reports: for now a death from public security (公安)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["death"]
    resident_id: ResidentIdStr
    died_on: CivilDate
    source_ref: Text = Field(min_length=1, max_length=200, description="the partner's record id")
    reported_by_department: Literal["public_security"]


class LifeEventsIn(BaseModel):
    """A bulk feed of life events; each record is applied once whatever the retries."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "records": [
                        {
                            "kind": "death",
                            "resident_id": "620102194607220934",
                            "died_on": "2027-03-02",
                            "source_ref": "GA-620102-20270302-0015",
                            "reported_by_department": "public_security",
                        }
                    ]
                }
            ]
        },
    )

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
