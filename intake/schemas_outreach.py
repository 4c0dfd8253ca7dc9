"""Request and response models of visit campaigns and visits (走访慰问, INT-11)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from intake.domain.outreach import Arrangement, VisitGroup
from intake.domain.programmes import Agency
from intake.schemas import ApplicationCreate
from shared.fields import Text
from shared.identity import DivisionCodeStr, ResidentIdStr


class VisitCampaignCreate(BaseModel):
    """A township's visit campaign: the groups it visits and its period."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620103001",
                    "title": "2027年春节走访慰问困难群众",
                    "groups": ["dibao_household", "extreme_poverty_person", "poor_disabled_person"],
                    "starts_on": "2027-01-20",
                    "ends_on": "2027-03-31",
                }
            ]
        },
    )

    division_code: DivisionCodeStr = Field(description="the township (9 digits)")
    title: Text = Field(min_length=1, max_length=200)
    groups: list[VisitGroup] = Field(min_length=1, max_length=len(VisitGroup))
    starts_on: date
    ends_on: date


class VisitCampaignRead(BaseModel):
    """A campaign with what its visits found and arranged so far."""

    campaign_id: str
    version: int
    division_code: str
    title: str
    groups: list[VisitGroup]
    starts_on: date
    ends_on: date
    planned_by: str
    visits: int
    needs_found: int
    referrals: int
    applications: int


class NeedMetOnSite(BaseModel):
    """A need met on the visit itself."""

    model_config = ConfigDict(extra="forbid")

    arrangement: Literal["on_site"]
    need: Text = Field(min_length=1, max_length=1000)
    help: Text = Field(min_length=1, max_length=1000, description="what was done there and then")


class NeedReferred(BaseModel):
    """A need referred to the competent department (INT-5: acknowledged in working days)."""

    model_config = ConfigDict(extra="forbid")

    arrangement: Literal["referral"]
    need: Text = Field(min_length=1, max_length=1000)
    to_agency: Agency
    to_division: DivisionCodeStr = Field(description="the receiving department's division")


class NeedApplied(BaseModel):
    """A need turned into an application at the one door (INT-4), accepted by the township."""

    model_config = ConfigDict(extra="forbid")

    arrangement: Literal["application"]
    need: Text = Field(min_length=1, max_length=1000)
    application: ApplicationCreate


Need = Annotated[NeedMetOnSite | NeedReferred | NeedApplied, Field(discriminator="arrangement")]


class VisitCreate(BaseModel):
    """A visit of a campaign: who, which group, when, the needs found and the help arranged."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "resident_id": "620103195602030024",
                    "group": "extreme_poverty_person",
                    "visited_on": "2027-03-10",
                    "help_given": "送去米、面、油和慰问金",
                    "needs": [
                        {
                            "arrangement": "referral",
                            "need": "慢性病长期服药，自付费用负担重",
                            "to_agency": "medical_assistance_office",
                            "to_division": "620103",
                        },
                        {
                            "arrangement": "on_site",
                            "need": "冬季取暖煤不足",
                            "help": "当场协调村委会送煤500公斤",
                        },
                    ],
                }
            ]
        },
    )

    resident_id: ResidentIdStr = Field(description="the person visited (a household's head)")
    group: VisitGroup
    visited_on: date
    needs: list[Need] = Field(default_factory=list, max_length=20)
    help_given: str | None = Field(default=None, max_length=1000, description="慰问品、慰问金")

    @field_validator("needs")
    @classmethod
    def _one_application(cls, needs: list[Need]) -> list[Need]:
        if sum(isinstance(n, NeedApplied) for n in needs) > 1:
            raise ValueError(
                "one application per visit: list every programme the household needs in it"
            )
        return needs


class NeedOut(BaseModel):
    """A need found and the help arranged: what was done, or what was opened for it."""

    need: str
    arrangement: Arrangement
    help: str | None = None
    referral_id: str | None = None
    application_id: str | None = None


class VisitRead(BaseModel):
    """A visit as recorded (resident ID masked)."""

    visit_id: str
    campaign_id: str
    division_code: str
    group: VisitGroup
    resident_id_masked: str
    visited_on: date
    needs: list[NeedOut]
    help_given: str | None
    recorded_by: str
