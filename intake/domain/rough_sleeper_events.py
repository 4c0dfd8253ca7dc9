"""Events of aid points, shelters and the help given to rough sleepers (流浪乞讨人员救助, INT-11).

Personal fields are named so that the public view (shared/privacy.py, ADR 0020) hides them:
`resident_id` becomes a pseudonym, `stated_name` is masked as a name, `found_address` as an
address, and `appearance` (体貌特征) is dropped. A point's `label` and `location` are not
personal and stay in clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.eventstore.registry import event_type


class AidPointKind(StrEnum):
    """What the notice asks to set up where people sleep rough (二(二))."""

    OPEN_AID_POINT = "open_aid_point"  # 开放式救助点
    TEMPORARY_SHELTER = "temporary_shelter"  # 临时庇护场所


class SeasonKind(StrEnum):
    """What a point's season is for."""

    COLD = "cold"  # 避寒 (winter)
    HEAT = "heat"  # 避暑 (summer)
    YEAR_ROUND = "year_round"  # 常年


class HelpKind(StrEnum):
    """What a person was given (有饭吃、有衣穿、有场所避寒避热)."""

    FOOD = "food"
    CLOTHING = "clothing"
    COLD_SHELTER = "cold_shelter"  # 避寒
    HEAT_SHELTER = "heat_shelter"  # 避暑
    MEDICAL_CARE = "medical_care"


@dataclass(frozen=True)
class Season:
    """A window in which a point is open, and what for."""

    kind: SeasonKind
    starts_on: date
    ends_on: date

    def covers(self, day: date) -> bool:
        """True when the point is open on this day in this season."""
        return self.starts_on <= day <= self.ends_on


@event_type("intake.AidPointOpened", version=1)
@dataclass(frozen=True)
class AidPointOpened:
    """A county or township opened an aid point or temporary shelter, with its seasons."""

    aid_point_id: str
    division_code: str
    kind: AidPointKind
    label: str  # 兰州西站开放式救助点
    location: str
    seasons: tuple[Season, ...]


@event_type("intake.AidPointSeasonAdded", version=1)
@dataclass(frozen=True)
class AidPointSeasonAdded:
    """The point opens for another season (next winter, a summer)."""

    aid_point_id: str
    season: Season


@event_type("intake.AidPointClosed", version=1)
@dataclass(frozen=True)
class AidPointClosed:
    """The point is closed for good; no help is recorded there any more."""

    aid_point_id: str
    closed_on: date


@event_type("intake.RoughSleeperRegistered", version=1)
@dataclass(frozen=True)
class RoughSleeperRegistered:
    """A record of a person met sleeping rough: by resident ID, or described when unidentified."""

    record_id: str
    division_code: str  # where the person was met
    resident_id: str | None
    appearance: str | None  # 体貌特征 of an unidentified person (dropped from the public view)
    found_address: str | None  # where they were met
    stated_name: str | None  # the name they gave, if any


@event_type("intake.RoughSleeperHelped", version=1)
@dataclass(frozen=True)
class RoughSleeperHelped:
    """One act of help at an aid point or shelter, in its season."""

    record_id: str
    help_id: str
    aid_point_id: str
    aid_point_division: str
    given_on: date
    kinds: tuple[HelpKind, ...]


@event_type("intake.RoughSleeperIdentified", version=1)
@dataclass(frozen=True)
class RoughSleeperIdentified:
    """The unidentified person of the record is now known: the record joins their history."""

    record_id: str
    resident_id: str
    identified_on: date
