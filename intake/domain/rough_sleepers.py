"""Aid points, temporary shelters and the help given to rough sleepers (INT-11).

Help is recorded on a record of the person (`RoughSleeper`), which an unidentified person has
too: described by appearance and where they were met. Identifying the record later (its
resident ID) joins its help to the person's history; the records themselves are never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from intake.domain.rough_sleeper_events import (
    AidPointClosed,
    AidPointOpened,
    AidPointSeasonAdded,
    HelpKind,
    RoughSleeperHelped,
    RoughSleeperIdentified,
    RoughSleeperRegistered,
    Season,
    SeasonKind,
)
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry

# the seasons in which each kind of shelter may be given
_SHELTER_SEASONS = {
    HelpKind.COLD_SHELTER: (SeasonKind.COLD, SeasonKind.YEAR_ROUND),
    HelpKind.HEAT_SHELTER: (SeasonKind.HEAT, SeasonKind.YEAR_ROUND),
}


class AidPointDivisionInvalid(DomainError):
    """Points are opened by a county or a township."""

    code = "aid-point-division-invalid"
    title_en = "An aid point belongs to a county or a township"
    title_zh = "救助点、临时庇护场所应由县（区）或乡镇（街道）设立"


class SeasonInvalid(DomainError):
    """A season ends before it starts."""

    code = "season-invalid"
    title_en = "The season ends before it starts"
    title_zh = "开放季节的结束日期早于开始日期"


class AidPointClosedError(DomainError):
    """The point is closed."""

    code = "aid-point-closed"
    status = 409
    title_en = "The aid point is closed"
    title_zh = "该救助点已关闭"


class AidPointOutOfSeason(DomainError):
    """No season of the point covers the day of the help."""

    code = "aid-point-out-of-season"
    status = 409
    title_en = "The aid point is not open on that day"
    title_zh = "该救助点当日不在开放季节内"


class ShelterOutOfSeason(DomainError):
    """Shelter from cold (heat) is given in a cold (heat) or year-round season only."""

    code = "shelter-out-of-season"
    title_en = "This shelter is not given in the point's current season"
    title_zh = "当前开放季节不提供该项避寒/避暑服务"


class UnidentifiedNeedsDescription(DomainError):
    """A person without a resident ID is recorded by appearance and where they were met."""

    code = "unidentified-person-needs-description"
    title_en = "An unidentified person needs a description and a place"
    title_zh = "身份不明人员须登记体貌特征和发现地点"


class HelpDateInTheFuture(DomainError):
    """Help is recorded once given."""

    code = "help-date-in-the-future"
    title_en = "The help's date is in the future"
    title_zh = "救助日期不能晚于今天"


class AlreadyIdentified(DomainError):
    """The record already names its person."""

    code = "rough-sleeper-already-identified"
    status = 409
    title_en = "The person is already identified"
    title_zh = "该人员身份已确认"


def _valid(seasons: Iterable[Season], field: str) -> None:
    for index, season in enumerate(seasons):
        if season.ends_on < season.starts_on:
            raise SeasonInvalid(
                f"the season {season.starts_on} – {season.ends_on} ends before it starts",
                f"开放季节 {season.starts_on} 至 {season.ends_on} 结束早于开始",
                field=field.format(index),
            )


class AidPoint(Aggregate):
    """An open aid point or temporary shelter, its seasons, open or closed."""

    stream_prefix = "aid-point"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.opened: AidPointOpened | None = None
        self.seasons: list[Season] = []
        self.closed = False

    def open(self, opened: AidPointOpened) -> None:
        """Open the point of a county or township with its seasons."""
        if len(opened.division_code) not in (6, 9):
            raise AidPointDivisionInvalid(
                f"{opened.division_code} is not a county (6) or township (9-digit) code",
                f"{opened.division_code} 不是县（区）或乡镇（街道）行政区划代码",
                field="division_code",
            )
        _valid(opened.seasons, "seasons.{}.ends_on")
        self.record(opened)

    def add_season(self, season: Season) -> None:
        """Open the point for another season."""
        self._ensure_open()
        _valid([season], "ends_on")
        self.record(AidPointSeasonAdded(self.id, season))

    def close(self, today: date) -> None:
        """Close the point for good."""
        self._ensure_open()
        self.record(AidPointClosed(self.id, today))

    def check_help(self, day: date, kinds: Iterable[HelpKind]) -> None:
        """Refuse help at a closed point, out of its seasons, or shelter of the wrong season."""
        self._ensure_open(field="aid_point_id")
        seasons = [s.kind for s in self.seasons if s.covers(day)]
        if not seasons:
            raise AidPointOutOfSeason(
                f"aid point {self.id} is not open on {day}",
                f"救助点 {self.id} 于 {day} 不在开放季节内",
                field="given_on",
            )
        for kind in kinds:
            allowed = _SHELTER_SEASONS.get(kind)
            if allowed is not None and not any(s in allowed for s in seasons):
                raise ShelterOutOfSeason(
                    f"{kind} is given in a {' or '.join(allowed)} season; on {day} the point is"
                    f" open for {', '.join(seasons)}",
                    f"{kind} 仅在相应季节提供；{day} 该点开放季节为 {'、'.join(seasons)}",
                    field="kinds",
                )

    @property
    def division_code(self) -> str:
        """The county or township that runs the point."""
        assert self.opened is not None, "the point is not opened"
        return self.opened.division_code

    def _ensure_open(self, field: str = "aid_point_id") -> None:
        if self.closed:
            raise AidPointClosedError(
                f"aid point {self.id} is closed", f"救助点 {self.id} 已关闭", field=field
            )

    def when_AidPointOpened(self, event: AidPointOpened) -> None:
        self.opened = event
        self.seasons = list(event.seasons)

    def when_AidPointSeasonAdded(self, event: AidPointSeasonAdded) -> None:
        self.seasons.append(event.season)

    def when_AidPointClosed(self, event: AidPointClosed) -> None:
        self.closed = True


class RoughSleeper(Aggregate):
    """The record of a person helped as a rough sleeper, identified or not."""

    stream_prefix = "rough-sleeper"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.registered: RoughSleeperRegistered | None = None
        self.resident_id: str | None = None
        self.helped = 0

    def register(self, registered: RoughSleeperRegistered) -> None:
        """Open the record: by resident ID, or by appearance and place when unidentified."""
        if registered.resident_id is None:
            for field in ("appearance", "found_address"):
                if not (getattr(registered, field) or "").strip():
                    raise UnidentifiedNeedsDescription(
                        f"without a resident ID, {field} is required",
                        "未登记身份证号的，须填写体貌特征（appearance）和发现地点（found_address）",
                        field=field,
                    )
        self.record(registered)

    def help(
        self,
        point: AidPoint,
        help_id: str,
        given_on: date | None,
        kinds: tuple[HelpKind, ...],
        today: date,
    ) -> None:
        """Record help given at an open point in its season: today unless another day is
        stated, never a day in the future."""
        given_on = given_on or today
        if given_on > today:
            raise HelpDateInTheFuture(
                f"help given on {given_on} is after today ({today})",
                f"救助日期 {given_on} 晚于今天（{today}）",
                field="given_on",
            )
        point.check_help(given_on, kinds)
        self.record(
            RoughSleeperHelped(self.id, help_id, point.id, point.division_code, given_on, kinds)
        )

    def identify(self, resident_id: str, today: date) -> None:
        """Name the person of the record once; their history then includes it."""
        if self.resident_id is not None:
            raise AlreadyIdentified(
                f"record {self.id} already names its person",
                f"记录 {self.id} 的人员身份已确认",
                field="resident_id",
            )
        self.record(RoughSleeperIdentified(self.id, resident_id, today))

    @property
    def division_code(self) -> str:
        """Where the person was met."""
        assert self.registered is not None, "the record is not registered"
        return self.registered.division_code

    def when_RoughSleeperRegistered(self, event: RoughSleeperRegistered) -> None:
        self.registered = event
        self.resident_id = event.resident_id

    def when_RoughSleeperHelped(self, event: RoughSleeperHelped) -> None:
        self.helped += 1

    def when_RoughSleeperIdentified(self, event: RoughSleeperIdentified) -> None:
        self.resident_id = event.resident_id


def register_events(registry: EventRegistry) -> None:
    """Register the aid point and rough sleeper events."""
    registry.register_all(
        AidPointOpened,
        AidPointSeasonAdded,
        AidPointClosed,
        RoughSleeperRegistered,
        RoughSleeperHelped,
        RoughSleeperIdentified,
    )
