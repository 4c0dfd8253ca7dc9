"""Request and response models of referrals, urgent cases, prior assistance and charity."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.config import JsonDict

from intake.domain.programmes import Agency
from intake.domain.urgent_events import FollowUpProgramme, PriorProgramme, Reporter
from intake.schemas import FEN_LIMIT
from shared.fields import Count, Fen, Text
from shared.http.problems import FieldRuleViolated
from shared.identity import DivisionCodeStr, ResidentIdStr

_FORBID = ConfigDict(extra="forbid")


class ReferralCreate(BaseModel):
    """First inquiry: the office asked first records the request and refers it (INT-5)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "to_agency": "medical_assistance_office",
                    "to_division": "620102",
                    "need": "患者住院费用无力支付，申请医疗救助",
                    "subject_resident_id": "11010519491231002X",
                }
            ]
        },
    )

    to_agency: Agency
    to_division: DivisionCodeStr = Field(description="the receiving department's division")
    need: Text = Field(min_length=1, max_length=1000)
    subject_resident_id: ResidentIdStr | None = None
    case_id: str | None = Field(default=None, max_length=100)


class Acknowledgement(BaseModel):
    """The receiver takes the referral over (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"note": "已签收，安排专人办理"}]}
    )

    note: Text = Field(min_length=1, max_length=500)


class ReferralRead(BaseModel):
    """A referral with its deadline and state."""

    referral_id: str
    version: int
    first_office_division: str
    to_agency: Agency
    to_division: str
    status: str = Field(description="open | acknowledged")
    overdue: bool
    received_on: date
    acknowledge_by: date


class UrgentReportCreate(BaseModel):
    """A report of a person in urgent difficulty (主动发现报告, INT-6)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620102001",
                    "reporter": "village_cadre",
                    "situation": "独居老人突发疾病，家中无人照料，无生活来源",
                    "subject_name": "王德福",
                    "household_size": 1,
                }
            ]
        },
    )

    division_code: DivisionCodeStr
    reporter: Reporter
    situation: Text = Field(min_length=1, max_length=2000)
    subject_name: str | None = Field(default=None, max_length=50)
    subject_resident_id: ResidentIdStr | None = None
    household_size: Count = Field(default=1, ge=1, le=30)


class UrgentResponse(BaseModel):
    """The township's response to an urgent case (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"response": "已入户探视，送医并发放食品"}]}
    )

    response: Text = Field(min_length=1, max_length=2000)


class UrgentCaseRead(BaseModel):
    """An urgent case with its deadline, aid and charity help."""

    urgent_case_id: str
    version: int
    division_code: str
    reporter: Reporter
    status: str = Field(description="open | responded")
    overdue: bool
    reported_at: datetime
    respond_by: datetime
    prior_assistance_fen: int
    charity_help_fen: int
    follow_up_application_id: str | None = Field(
        default=None, description="后续救助申请：the application filed naming this case (INT-7)"
    )
    verification_due: date | None = Field(
        default=None, description="its verification is due by (5 working days after the grant)"
    )


def _given_as_text(field: str) -> JsonDict:
    """The JSON Schema of an object whose `field` is present and text (not null)."""
    return {"properties": {field: {"type": "string"}}, "required": [field]}


class PriorAssistanceCreate(BaseModel):
    """Green channel: assistance before verification (先行救助, INT-7; If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "programme": "temporary_assistance",
                    "amount_fen": 150000,
                    "resident_id": "11010519491231002X",
                    "persons": 1,
                    "bank_account": "6228480402564890018",
                    "payee_name": "张桂兰",
                    "follow_up_programmes": ["urban_dibao"],
                    "reason": "突发重病，先行给予临时救助",
                }
            ],
            # what `_what_the_bank_needs` checks, said in the document for integrators
            "if": _given_as_text("bank_account"),
            "then": _given_as_text("payee_name"),
        },
    )

    programme: PriorProgramme
    amount_fen: Fen = Field(gt=0, lt=FEN_LIMIT)
    resident_id: ResidentIdStr = Field(description="the recipient")
    persons: Count = Field(
        default=1,
        ge=1,
        le=30,
        description="persons the grant covers: at most the household_size reported (422"
        " `persons-beyond-household`); the cap is 3 × the urban dibao standard per person",
    )
    bank_account: str | None = Field(default=None, pattern=r"^[0-9]{12,30}$")
    payee_name: str | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="the account holder's name as the bank knows it (户名); required with"
        " bank_account: the bank refuses a transfer whose name does not match the account",
    )
    follow_up_programmes: list[FollowUpProgramme] = Field(default_factory=list)
    reason: Text = Field(min_length=1, max_length=500)

    @model_validator(mode="after")
    def _what_the_bank_needs(self) -> PriorAssistanceCreate:
        """Money paid into an account goes to a named holder."""
        if self.bank_account is not None and self.payee_name is None:
            raise FieldRuleViolated("payee_name", "payee_name is required with bank_account")
        return self


class CharityReferralCreate(BaseModel):
    """Refer the case to a registered charity (慈善衔接, INT-8; If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"charity": "53620000MJ0000000X", "need": "住院自付费用缺口约2万元"}]
        },
    )

    charity: Text = Field(min_length=1, max_length=100, description="统一社会信用代码")
    need: Text = Field(min_length=1, max_length=1000)


class CharityHelpCreate(BaseModel):
    """The charity records the help it gave (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"amount_fen": 2000000, "description": "资助住院费用"}]},
    )

    amount_fen: Fen = Field(ge=0, lt=FEN_LIMIT)
    description: Text = Field(min_length=1, max_length=1000)
