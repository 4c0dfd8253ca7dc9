"""Request and response models of the payments API (never the domain events themselves)."""

from __future__ import annotations

import re
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from payments.domain.standards import STANDARD_PROGRAMMES
from shared.fields import Fen
from shared.identity import county_code_pattern, parse_division

FEN_LIMIT = 10**11
_PERIOD = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


class StandardCreate(BaseModel):
    """A standard for a county (6 digits) or a provincial guidance minimum (division 62)."""

    model_config = ConfigDict(extra="forbid")

    division_code: str = Field(
        description="62 (provincial guidance) or a 6-digit county code",
        json_schema_extra={"pattern": "^62$|" + county_code_pattern()},
    )
    programme: str = Field(
        description="urban_dibao, rural_dibao, extreme_poverty, …",
        json_schema_extra={"enum": list(STANDARD_PROGRAMMES)},
    )
    effective_from: date
    monthly_per_person_fen: Fen = Field(gt=0, lt=FEN_LIMIT, description="分/人/月")
    floor_per_person_fen: Fen = Field(default=0, ge=0, lt=FEN_LIMIT, description="保底 分/人/月")
    class_amounts_fen: dict[str, Fen] = Field(
        default_factory=dict,
        description="rural dibao class 1–4 → 分/人/月",
        json_schema_extra={
            "propertyNames": {"enum": ["1", "2", "3", "4"]},
            "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 2**63 - 1},
        },
    )
    care_amounts_fen: dict[str, Fen] = Field(
        default_factory=dict,
        description="extreme-poverty care by self-care ability (full/partial/none) 分/人/月",
        json_schema_extra={"propertyNames": {"enum": ["full", "partial", "none"]}},
    )
    reason: str = Field(min_length=1, max_length=500, description="文件依据 / why")
    lowering_reason: str | None = Field(
        default=None, min_length=1, max_length=500,
        description="降低理由: needed to set a level below the one in force (保障水平不能降低)",
    )  # fmt: skip

    @field_validator("care_amounts_fen")
    @classmethod
    def _care(cls, value: dict[str, int]) -> dict[str, int]:
        if not set(value) <= {"full", "partial", "none"} or any(v < 0 for v in value.values()):
            raise ValueError("keys are full, partial, none and amounts are fen ≥ 0")
        return value

    @field_validator("division_code")
    @classmethod
    def _province_or_county(cls, value: str) -> str:
        if value != "62" and (len(value) != 6 or parse_division(value).level != "county"):
            raise ValueError("must be 62 (province) or a 6-digit county code")
        return value

    @field_validator("programme")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in STANDARD_PROGRAMMES:
            raise ValueError(f"must be one of {', '.join(STANDARD_PROGRAMMES)}")
        return value

    @field_validator("class_amounts_fen")
    @classmethod
    def _classes(cls, value: dict[str, int]) -> dict[str, int]:
        if not set(value) <= {"1", "2", "3", "4"} or any(v <= 0 for v in value.values()):
            raise ValueError("keys are classes 1–4 and amounts are positive fen")
        return value


class StandardVersion(BaseModel):
    """One version of a standard."""

    version: int
    effective_from: date
    monthly_per_person_fen: int
    floor_per_person_fen: int
    class_amounts_fen: dict[str, int]
    care_amounts_fen: dict[str, int] = {}
    set_by: str
    reason: str | None
    recorded_at: datetime


class StandardRead(BaseModel):
    """A division's standard for a programme with every version."""

    division_code: str
    programme: str
    version: int
    versions: list[StandardVersion]


class BeneficiaryRead(BaseModel):
    """A beneficiary: status, entitlement in force and how it was computed."""

    case_id: str
    programme: str
    version: int
    division_code: str
    county_code: str
    status: str
    monthly_amount_fen: int
    effective_from: date
    method: str
    explanation_en: str
    explanation_zh: str
    payee_name_masked: str
    bank_account_masked: str | None
    stopped_from: date | None = Field(
        default=None, description="suspended or terminated from: periods from then are not paid"
    )


class RunCreate(BaseModel):
    """Start a county's monthly run."""

    model_config = ConfigDict(extra="forbid")

    county_code: str = Field(
        description="6-digit county code", json_schema_extra={"pattern": county_code_pattern()}
    )
    period: str = Field(description="YYYY-MM", json_schema_extra={"pattern": _PERIOD.pattern})
    reason: str = Field(min_length=1, max_length=500)
    funds_override_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="pay beyond the available funds (needs scope payments:funds-override)",
    )

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if len(value) != 6 or parse_division(value).level != "county":
            raise ValueError("must be a 6-digit county code")
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not _PERIOD.match(value):
            raise ValueError("must be a month YYYY-MM")
        return value


class RetryCreate(BaseModel):
    """Why the failed payments are sent again."""

    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


class UnpayableRead(BaseModel):
    """A beneficiary the run found due but could not pay, and why."""

    case_id: str
    programme: str
    division_code: str
    reason: str = Field(description="no-bank-account")


class BankAccountChange(BaseModel):
    """The account a benefit is paid into from the next run on."""

    model_config = ConfigDict(extra="forbid")

    bank_account: str = Field(pattern=r"^[0-9]{12,30}$", description="银行账号 (12–30 digits)")
    reason: str = Field(min_length=1, max_length=500)


class BankAccountRead(BaseModel):
    """The account a benefit is paid into, masked."""

    case_id: str
    programme: str
    bank_account_masked: str


class RunRead(BaseModel):
    """A run and its reconciliation totals."""

    run_id: str
    county_code: str
    period: str
    status: str
    version: int
    started_by: str
    started_at: datetime
    completed_at: datetime | None
    instructed: int
    settled: int
    settled_fen: int
    failed: int
    unpayable: list[UnpayableRead] = Field(
        default_factory=list, description="due but not paid (e.g. no bank account) 无法发放名单"
    )


class PaymentRead(BaseModel):
    """A payment as partners see it (payee and account masked)."""

    payment_id: str
    case_id: str
    programme: str
    period: str
    amount_fen: int
    monthly_fen: int
    back_pay_fen: int
    price_subsidy_fen: int = 0
    attempt: int
    status: str
    outcome: str | None
    bank_reason: str | None
    payee_name_masked: str
    bank_account_masked: str
    settled_at: datetime | None


class PaidByPartnerRead(BaseModel):
    """Assistance a partner agency decided and pays itself (ADR 0032): not paid by SafetyNet."""

    case_id: str
    programme: str
    agency: str
    division_code: str
    decided_on: date
    amount_fen: int | None = Field(description="分 the agency pays; null when given in kind")
    decided_by_org: str
    policy_basis: str
    reason: str


class PaidByPartnerHistory(BaseModel):
    """A household's assistance paid by partner agencies, one row per programme (so never long)."""

    case_id: str
    items: list[PaidByPartnerRead]
