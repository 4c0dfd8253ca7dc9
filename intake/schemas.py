"""Request and response models of the intake API (never the domain events themselves)."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from intake.domain.application import Registration, Relation, SubmissionChannel
from intake.domain.programmes import Programme
from shared.identity import DivisionCodeStr, ResidentIdStr, parse_division

FEN_LIMIT = 10**13  # 千亿元: far beyond any household's money, well inside bigint


class MemberIn(BaseModel):
    """A household member as the office declares them."""

    model_config = ConfigDict(extra="forbid")

    resident_id: ResidentIdStr = Field(description="18-character resident ID (GB 11643 check)")
    name: str = Field(min_length=1, max_length=50)
    relation: Relation
    disability_grade: int | None = Field(default=None, ge=1, le=4, description="残疾等级 1–4")
    health: str | None = Field(default=None, max_length=200)
    work: str | None = Field(default=None, max_length=200)
    schooling: str | None = Field(default=None, max_length=200)


class AuthorisationIn(BaseModel):
    """The signed authorisation for economic verification (家庭经济状况核对授权书)."""

    model_config = ConfigDict(extra="forbid")

    signed_by_resident_id: ResidentIdStr
    signed_on: date
    document_ref: str = Field(min_length=1, max_length=200)


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
        description="Township (9 digits) or village (12 digits) of residence"
    )
    registration: Registration
    programmes: list[Programme] = Field(min_length=1)
    members: list[MemberIn] = Field(min_length=1, max_length=30)
    declared_monthly_income_fen: int = Field(ge=0, lt=FEN_LIMIT, description="household, 分/月")
    declared_assets_fen: int = Field(ge=0, lt=FEN_LIMIT, description="分")
    authorisation: AuthorisationIn
    channel: SubmissionChannel = SubmissionChannel.COUNTER
    bank_account: str | None = Field(default=None, pattern=r"^\d{12,30}$")

    @field_validator("division_code")
    @classmethod
    def _township_or_village(cls, value: str) -> str:
        if parse_division(value).level not in ("township", "village"):
            raise ValueError("must be a township (9-digit) or village (12-digit) division code")
        return value


class MemberOut(BaseModel):
    """A member as shown to partners: resident ID masked."""

    resident_id_masked: str
    name: str
    relation: Relation
    age: int | None = None


class ApplicationRead(BaseModel):
    """An application as the read model holds it."""

    application_id: str
    version: int
    division_code: str
    registration: Registration
    programmes: list[Programme]
    status: str
    members: list[MemberOut]
    declared_monthly_income_fen: int
    accepted_by: str
    accepted_at: datetime
