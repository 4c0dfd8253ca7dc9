"""Request and response models of aid points, shelters and help to rough sleepers (INT-11)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from intake.domain.rough_sleeper_events import AidPointKind, HelpKind, SeasonKind
from shared.fields import Text
from shared.identity import DivisionCodeStr, ResidentIdStr

_WINTER: dict[str, JsonValue] = {"kind": "cold", "starts_on": "2026-11-15", "ends_on": "2027-03-15"}


class SeasonIn(BaseModel):
    """A window in which the point is open: 避寒 (cold), 避暑 (heat) or all year."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_WINTER]})

    kind: SeasonKind
    starts_on: date
    ends_on: date


class SeasonAddition(SeasonIn):
    """Another season of the point, and why it opens (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "kind": "heat",
                    "starts_on": "2027-06-15",
                    "ends_on": "2027-09-15",
                    "reason": "入夏高温，开放避暑服务",
                }
            ]
        },
    )

    reason: Text = Field(min_length=1, max_length=500)


class AidPointCreate(BaseModel):
    """An open aid point or temporary shelter of a county or township, with its seasons."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620103",
                    "kind": "temporary_shelter",
                    "label": "七里河区冬季临时庇护所",
                    "location": "七里河区西津西路救助管理站一楼",
                    "seasons": [_WINTER],
                }
            ]
        },
    )

    division_code: DivisionCodeStr = Field(description="the county (6) or township (9 digits)")
    kind: AidPointKind
    label: Text = Field(min_length=1, max_length=200, description="救助点名称")
    location: Text = Field(min_length=1, max_length=500, description="救助点地点")
    seasons: list[SeasonIn] = Field(min_length=1, max_length=20)


class AidPointRead(BaseModel):
    """A point with its seasons; `closed_on` once closed."""

    aid_point_id: str
    version: int
    division_code: str
    kind: AidPointKind
    label: str
    location: str
    seasons: list[SeasonIn]
    closed_on: date | None = None


class AidPointClosure(BaseModel):
    """Why the point closes for good (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"reason": "场所改建，救助点迁址"}]}
    )

    reason: Text = Field(min_length=1, max_length=500)


class RoughSleeperCreate(BaseModel):
    """A person met sleeping rough: by resident ID, or — unidentified — described and placed."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "division_code": "620103001",
                    "appearance": "男，约六十岁，身高约170厘米，灰色棉大衣，左手缠绷带",
                    "found_address": "七里河区西站十字地下通道",
                    "stated_name": "老李",
                }
            ]
        },
    )

    division_code: DivisionCodeStr = Field(description="where the person was met")
    resident_id: ResidentIdStr | None = None
    appearance: str | None = Field(
        default=None, max_length=1000, description="体貌特征：required without a resident ID"
    )
    found_address: str | None = Field(
        default=None, max_length=500, description="发现地点：required without a resident ID"
    )
    stated_name: str | None = Field(default=None, max_length=50, description="自报姓名")


class HelpCreate(BaseModel):
    """Help given at a point in its season (If-Match on the person's record)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "aid_point_id": "0c5f3a52-8a51-4a8e-9d0e-2f6b1c3d4e5f",
                    "kinds": ["food", "clothing", "cold_shelter"],
                    "given_on": "2027-03-10",
                    "note": "夜间巡查时发现，送入庇护所过夜",
                }
            ]
        },
    )

    aid_point_id: Text = Field(min_length=1, max_length=100)
    kinds: list[HelpKind] = Field(min_length=1, max_length=len(HelpKind))
    given_on: date | None = Field(default=None, description="default: today")
    note: str | None = Field(
        default=None, max_length=500, description="救助情况说明: the reason the event records"
    )


class Identification(BaseModel):
    """The person of an unidentified record is now known (If-Match required)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"resident_id": "11010519491231002X", "reason": "经公安机关协助比对确认身份"}
            ]
        },
    )

    resident_id: ResidentIdStr
    reason: Text = Field(min_length=1, max_length=500)


class RoughSleeperRead(BaseModel):
    """A record as officers see it: the resident ID masked, the person by pseudonym."""

    record_id: str
    version: int
    division_code: str
    identified: bool
    person_id: str | None = Field(
        description="the person's pseudonym, as on the public topics: GET /v1/people/{person_id}"
        "/help-history"
    )
    resident_id_masked: str | None
    appearance: str | None
    found_address: str | None
    stated_name: str | None
    identified_on: date | None = None


class HelpRead(BaseModel):
    """One act of help."""

    help_id: str
    record_id: str
    aid_point_id: str
    aid_point_division: str
    given_on: date
    kinds: list[HelpKind]
