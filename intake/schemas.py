"""Request and response models of the intake API (never the domain events themselves)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from intake.domain.application import Registration, Relation, SubmissionChannel
from intake.domain.application_events import Kinship, OfficialRole, Outcome
from intake.domain.programmes import AMOUNT_CEILING_FEN, Agency, Programme
from shared.fields import Count, Fen, Int64, PersonName, Text
from shared.identity import (
    DivisionCodeStr,
    ResidentIdStr,
    parse_division,
    township_or_village_pattern,
)

FEN_LIMIT = 10**13  # 千亿元: far beyond any household's money, well inside bigint


class MemberIn(BaseModel):
    """A household member as the office declares them."""

    model_config = ConfigDict(extra="forbid")

    resident_id: ResidentIdStr = Field(description="18-character resident ID (GB 11643 check)")
    name: PersonName = Field(min_length=1, max_length=50)
    relation: Relation
    disability_grade: Int64 | None = Field(default=None, ge=1, le=4, description="残疾等级 1–4")
    health: str | None = Field(default=None, max_length=200)
    work: str | None = Field(default=None, max_length=200)
    schooling: str | None = Field(default=None, max_length=200)


class AuthorisationIn(BaseModel):
    """The signed authorisation for economic verification (家庭经济状况核对授权书)."""

    model_config = ConfigDict(extra="forbid")

    signed_by_resident_id: ResidentIdStr
    signed_on: date
    document_ref: Text = Field(min_length=1, max_length=200)


class BankAccountHolderIn(BaseModel):
    """Who holds the bank account, when it is not obvious from the members (SUP-3 二次分配)."""

    model_config = ConfigDict(extra="forbid")

    name: PersonName = Field(min_length=1, max_length=50)
    resident_id: ResidentIdStr = Field(description="18-character resident ID (GB 11643 check)")


class StaffRelativeIn(BaseModel):
    """INT-10: a member who is a close relative of a cadre or civil affairs staff member."""

    model_config = ConfigDict(extra="forbid")

    member_resident_id: ResidentIdStr
    official_name: PersonName = Field(min_length=1, max_length=50)
    official_role: OfficialRole
    official_org: Text = Field(min_length=1, max_length=200, description="干部或工作人员所在单位")
    kinship: Kinship


class ApplicationCreate(BaseModel):
    """A household application accepted at a township/street office."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620102001",
                    "registration": "urban",
                    "programmes": ["urban_dibao"],
                    "members": [
                        {"resident_id": "11010519491231002X", "name": "张桂兰", "relation": "self"}
                    ],
                    "declared_monthly_income_fen": 45000,
                    "declared_assets_fen": 0,
                    "authorisation": {
                        "signed_by_resident_id": "11010519491231002X",
                        "signed_on": "2026-11-20",
                        "document_ref": "城关区-授权-2026-0001",
                    },
                    "channel": "counter",
                }
            ]
        },
    )

    division_code: DivisionCodeStr = Field(
        description="Township (9 digits) or village (12 digits) of residence",
        json_schema_extra={"pattern": township_or_village_pattern()},
    )
    registration: Registration
    programmes: list[Programme] = Field(min_length=1)
    members: list[MemberIn] = Field(min_length=1, max_length=30)
    declared_monthly_income_fen: Fen = Field(ge=0, lt=FEN_LIMIT, description="household, 分/月")
    declared_assets_fen: Fen = Field(ge=0, lt=FEN_LIMIT, description="分")
    authorisation: AuthorisationIn
    channel: SubmissionChannel = SubmissionChannel.COUNTER
    bank_account: str | None = Field(default=None, pattern=r"^[0-9]{12,30}$")
    bank_account_holder: BankAccountHolderIn | None = Field(
        default=None, description="银行账户持有人（可选）：不是家庭成员的，监督检查将预警"
    )
    staff_relatives: list[StaffRelativeIn] = Field(
        default_factory=list, max_length=30, description="近亲属备案 (INT-10)"
    )
    programme_details: dict[Programme, dict[str, str]] = Field(
        default_factory=dict,
        description="INT-1 明细，如 extreme_poverty: {care: centralised, self_care: partial}",
    )
    handed_in_id: str | None = Field(
        default=None,
        max_length=100,
        description="村（居）委会代为提交的记录编号：受理后渠道记为 assisted_by_village_committee",
    )
    urgent_case_id: str | None = Field(
        default=None,
        max_length=100,
        description="后续救助：the urgent case this application follows up (INT-7); when"
        " assistance was granted first, verification is due 5 working days after the grant",
    )

    @field_validator("division_code")
    @classmethod
    def _township_or_village(cls, value: str) -> str:
        if parse_division(value).level not in ("township", "village"):
            raise ValueError("must be a township (9-digit) or village (12-digit) division code")
        return value


class HandInCreate(BaseModel):
    """A village committee helps a household hand its application in (INT-3)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620102001001",
                    "applicant_resident_id": "11010519491231002X",
                    "programmes": ["urban_dibao"],
                    "note": "申请人行动不便，村委会代为递交材料",
                }
            ]
        },
    )

    division_code: DivisionCodeStr
    applicant_resident_id: ResidentIdStr
    programmes: list[Programme] = Field(min_length=1)
    note: Text = Field(min_length=1, max_length=500)


class HandedInRead(BaseModel):
    """A handed-in application, recorded as assisted: it waits for the township to accept it."""

    handed_in_id: str
    status: Literal["awaiting_acceptance"]


class MemberOut(BaseModel):
    """A member as shown to partners: resident ID masked."""

    resident_id_masked: str
    name: str
    relation: Relation
    age: int | None = None
    sex: str | None = Field(default=None, description="male | female, from the resident ID")


class BankAccountHolderOut(BaseModel):
    """The account holder as shown: resident ID masked."""

    name: str
    resident_id_masked: str


class RouteOut(BaseModel):
    """One requested programme, the agency it was routed to, and its decision so far."""

    programme: Programme
    agency: Agency
    outcome: Outcome | None = None
    details: dict[str, str] = Field(default_factory=dict, description="INT-1 sub-options")


class ApplicationRead(BaseModel):
    """An application as the read model holds it."""

    application_id: str
    version: int
    division_code: str
    registration: Registration
    programmes: list[Programme]
    routes: list[RouteOut] = Field(default_factory=list)
    status: str = Field(description="open | decided | withdrawn")
    members: list[MemberOut]
    declared_monthly_income_fen: int
    declared_assets_fen: int
    bank_account_holder: BankAccountHolderOut | None = None
    staff_relative: bool = Field(description="近亲属备案：需重点审核")
    accepted_by: str
    accepted_at: datetime


class ApplicationAmend(BaseModel):
    """Corrected declared figures and bank account, with the reason (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "declared_monthly_income_fen": 30000,
                    "declared_assets_fen": 0,
                    "reason": "申请人补充说明：务工收入已停止",
                }
            ]
        },
    )

    declared_monthly_income_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    declared_assets_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    bank_account: str | None = Field(default=None, pattern=r"^[0-9]{12,30}$")
    reason: Text = Field(min_length=1, max_length=500)


class Withdrawal(BaseModel):
    """Why the household withdraws (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"reason": "申请人家庭收入已改善，主动撤回"}]},
    )

    reason: Text = Field(min_length=1, max_length=500)


class ProgrammeDecision(BaseModel):
    """The competent agency's decision on the programme routed to it (INT-4, ADR 0032)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "outcome": "approved",
                    "reason": "住院自付费用经核定，符合重特大疾病医疗救助条件",
                    "policy_basis": "甘肃省医疗救助办法 第十二条",
                    "amount_fen": 1_250_000,
                }
            ]
        },
    )

    outcome: Outcome
    reason: Text = Field(min_length=1, max_length=500)
    policy_basis: Text = Field(
        min_length=1, max_length=200, description="the rule or document decided under 文件依据"
    )
    amount_fen: Fen | None = Field(
        default=None,
        gt=0,
        le=AMOUNT_CEILING_FEN,
        description="分: required approving a one-off programme SafetyNet pays (medical assistance"
        " …); optional for one the agency pays itself; never for a per-person subsidy; at most"
        " the programme's ceiling for one household",
    )
    persons: Count | None = Field(
        default=None, ge=1, description="approving a per-person subsidy: the members approved"
    )


class StaffRelativeRead(BaseModel):
    """A registered staff-relative declaration (resident ID masked)."""

    application_id: str
    division_code: str
    member_resident_id_masked: str
    official_name: str
    official_role: OfficialRole
    official_org: str
    kinship: Kinship
    declared_at: datetime


class CommandAccepted(BaseModel):
    """What a state-changing command answers: the resource and its new version (also the ETag)."""

    id: str
    version: int
    events: list[str]
