"""Request and response models of the payments API (never the domain events themselves)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from payments.domain.standards import STANDARD_PROGRAMMES
from shared.fields import Fen, Text
from shared.http.body_limit import body_limit
from shared.identity import county_code_pattern, parse_division

FEN_LIMIT = 10**11
_PERIOD = re.compile(r"^(199[0-9]|2[0-9]{3})-(0[1-9]|1[0-2])$")  # 1990 on, as the caseload files


class StandardCreate(BaseModel):
    """A standard for a county (6 digits) or a provincial guidance minimum (division 62)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620105",
                    "programme": "rural_dibao",
                    "effective_from": "2027-01-01",
                    "monthly_per_person_fen": 50000,
                    "floor_per_person_fen": 10000,
                    "class_amounts_fen": {"1": 50000, "2": 42000, "3": 30000, "4": 15000},
                    "reason": (
                        "安宁区人民政府关于提高2027年城乡低保标准的通知（安政发〔2026〕58号）"
                    ),
                }
            ]
        },
    )

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
    reason: Text = Field(min_length=1, max_length=500, description="文件依据 / why")
    lowering_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="降低理由: needed to set a level below the one in force (保障水平不能降低)",
    )

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
    resumed_from: date | None = Field(
        default=None,
        description="paid again from (ADR 0066): the periods from `stopped_from` until then are"
        " not paid; null when no stop is lifted from a later date",
    )


class RunCreate(BaseModel):
    """Start a county's monthly run."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "county_code": "620105",
                    "period": "2027-03",
                    "reason": "2027年3月城乡低保金、特困人员供养金按月发放",
                }
            ]
        },
    )

    county_code: str = Field(
        description="6-digit county code", json_schema_extra={"pattern": county_code_pattern()}
    )
    period: str = Field(
        description="YYYY-MM: this month, last month late, or next month paid early (提前发放)"
        " (China's date); a later month is a 422 `period-not-due`, an earlier one a 422"
        " `period-closed` (the next run pays back what no run paid)",
        json_schema_extra={"pattern": _PERIOD.pattern},
    )
    reason: Text = Field(min_length=1, max_length=500)
    funds_override_reason: str | None = Field(
        default=None,
        min_length=1,
        max_length=500,
        description="pay beyond the available funds (needs scope payments:funds-override)",
    )
    hold_short_programmes: bool = Field(
        default=False,
        description="start although a programme is short of money: pay the programmes funded,"
        " and hold the short ones whole (each of their months recorded unpayable"
        " `insufficient-funds`, paid back by a later run once the money is in; ADR 0067)."
        " Without it a run with a programme short is a 409 `insufficient-funds` naming"
        " `short_programmes`; not with `funds_override_reason`",
    )
    channel: Literal["api", "file"] = Field(
        default="api",
        description="api: the service pays through the bank's batch API; file: the county"
        " downloads the bank file and imports the bank's return file (回盘文件, ADR 0038)",
    )

    @field_validator("county_code")
    @classmethod
    def _county(cls, value: str) -> str:
        if len(value) != 6 or parse_division(value).level != "county":
            raise ValueError("must be a 6-digit county code")
        return value

    @field_validator("hold_short_programmes")
    @classmethod
    def _hold_or_override(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("funds_override_reason"):
            raise ValueError("holds short programmes or pays past the money, not both")
        return value

    @field_validator("period")
    @classmethod
    def _period(cls, value: str) -> str:
        if not _PERIOD.match(value):
            raise ValueError("must be a month YYYY-MM, 1990 or later")
        return value


class RetryCreate(BaseModel):
    """Why the failed payments are sent again."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "reason": "户主已到乡镇更正银行账户，重新发放被银行退回的款项",
                }
            ]
        },
    )

    reason: Text = Field(min_length=1, max_length=500)


class UnpayableRead(BaseModel):
    """A beneficiary the run found due but could not pay, and why."""

    case_id: str
    programme: str
    division_code: str
    reason: str = Field(
        description="no-bank-account; no-standard: approved by rule where no standard is in"
        " force yet (ADR 0041); insufficient-funds: the run's money ran out (PAY-7); or"
        " payment-failed: the bank refused the month's last attempt (PAY-3). The"
        " month is paid back by a later run once the cause is gone"
    )


class BankAccountChange(BaseModel):
    """The account a benefit is paid into from the next run on."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "bank_account": "6228480868123456779",
                    "reason": "原社会保障卡挂失，户主申请改用农业银行惠农卡发放",
                }
            ]
        },
    )

    bank_account: str = Field(pattern=r"^[0-9]{12,30}$", description="银行账号 (12–30 digits)")
    reason: Text = Field(min_length=1, max_length=500)


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
    channel: str = Field(default="api", description="api | file (ADR 0038)")
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
    back_pay_fen: int = Field(
        description="补发 back pay for past months: a raise applied retroactively, and months"
        " due but not paid (no account or no standard then, or approved after the month's run"
        " closed: ADR 0061); the audit trail's BackPayCalculated names the months"
    )
    price_subsidy_fen: int = 0
    attempt: int
    instruction_id: str | None = Field(
        default=None, description="流水号: the bank's serial number of the latest attempt"
    )
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


class BankReturnRead(BaseModel):
    """What importing a return file (回盘文件) did to the run's payments."""

    run_id: str
    batch_no: str
    file_sha256: str = Field(description="SHA-256 of the file: a file is imported once")
    records: int
    settled: int = Field(description="payments settled by this file")
    failed: int = Field(description="payments failed or returned by this file")
    unchanged: int = Field(description="results for payments that already had their outcome")
    already_imported: bool = Field(description="the same file was imported before: nothing done")


_BANK_FILE_EXAMPLE = (
    "H,620133-2027-03-R0,620133,社会救助资金代发,20270310,1,600.00,CNY\r\n"
    "D,1,0b6f3c1e-8a57-5c1e-9d2b-4f1a2e3d4c5b-1,6228480012345678901,王秀英,600.00,CNY,"
    "2027-03 urban_dibao,c-1:urban_dibao:2027-03,620133001\r\n"
    "T,1,600.00\r\n"
)
BANK_FILE_RESPONSE: dict[str, Any] = {
    "description": "批量代发文件 the batch disbursement file (UTF-8 CSV, ADR 0038)",
    "content": {
        "text/csv": {
            "schema": {"type": "string", "format": "binary"},
            "example": _BANK_FILE_EXAMPLE,
        }
    },
}
_RETURN_FILE_EXAMPLE = (
    "H,620133-2027-03-R0,1,600.00,20270311\r\n"
    "D,1,0b6f3c1e-8a57-5c1e-9d2b-4f1a2e3d4c5b-1,6228480012345678901,王秀英,600.00,F,3001,"
    "账户已销户\r\n"
    "T,0,0.00,1,600.00\r\n"
)
MAX_RETURN_FILE_BYTES = 64 * 1024 * 1024
"""A county run's return file: about 130 bytes a payment, so some 500,000 payments."""
RETURN_FILE_BODY: dict[str, Any] = {
    **body_limit(MAX_RETURN_FILE_BYTES),
    "requestBody": {
        "required": True,
        "description": "回盘文件 the bank's return file (UTF-8 CSV, ADR 0038, bank-file.md)",
        "content": {
            "text/csv": {
                "schema": {"type": "string", "format": "binary"},
                "example": _RETURN_FILE_EXAMPLE,
            }
        },
    },
}
"""`openapi_extra=` of the return-file upload: the body is the file itself (`format: binary`, so a
generated client sends it as a file's bytes)."""
