"""Visit campaigns (走访慰问, INT-11): planned per township for named groups, visits against them.

A campaign is planned once, for one township, a period and the groups it visits. Each visit is
its own stream (many visits of one campaign never contend): the campaign checks the visit (group
and date) and hands back the new visit with its event. A need a visit finds is either met on the
spot, referred (an INT-5 referral, its id in the event) or turned into an application at the one
door (its id in the event); the referral and the application are written by their own aggregates
in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type


class VisitGroup(StrEnum):
    """The groups the notice names for visits (二(二) 统筹运用走访慰问活动…)."""

    DIBAO_HOUSEHOLD = "dibao_household"  # 低保家庭
    REGISTERED_POOR_HOUSEHOLD = "registered_poor_household"  # 建档立卡贫困户
    EXTREME_POVERTY_PERSON = "extreme_poverty_person"  # 特困人员
    POOR_DISABLED_PERSON = "poor_disabled_person"  # 贫困残疾人
    ENTITLED_SERVICEMAN_FAMILY = "entitled_serviceman_family"  # 困难优抚安置对象


class Arrangement(StrEnum):
    """How the help for a need found on a visit was arranged."""

    ON_SITE = "on_site"  # 当场解决
    REFERRAL = "referral"  # 转介 (INT-5)
    APPLICATION = "application"  # 一门受理申请 (INT-4)


@event_type("intake.VisitCampaignPlanned", version=1)
@dataclass(frozen=True)
class VisitCampaignPlanned:
    """A township planned a visit campaign for some groups over a period."""

    campaign_id: str
    division_code: str  # the township
    title: str
    groups: tuple[VisitGroup, ...]
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class NeedFound:
    """A need found on a visit and how its help was arranged (the id of what was opened)."""

    need: str
    arrangement: Arrangement
    help: str | None = None  # on_site: what was done
    referral_id: str | None = None
    application_id: str | None = None


@event_type("intake.HouseholdVisited", version=1)
@dataclass(frozen=True)
class HouseholdVisited:
    """A household or person of a campaign's groups was visited; the needs found and the help."""

    visit_id: str
    campaign_id: str
    division_code: str  # the campaign's township
    group: VisitGroup
    resident_id: str  # the person visited (the household's head for a household)
    visited_on: date
    needs: tuple[NeedFound, ...]
    help_given: str | None  # 慰问：what was brought on the visit itself


class CampaignNotInTownship(DomainError):
    """Campaigns are planned per township (INT-11)."""

    code = "campaign-not-in-township"
    title_en = "A visit campaign is planned for one township"
    title_zh = "走访慰问活动应以乡镇（街道）为单位制定"


class CampaignPeriodInvalid(DomainError):
    """The period ends before it starts, or has already ended."""

    code = "campaign-period-invalid"
    title_en = "The campaign's period is not valid"
    title_zh = "走访慰问活动的起止日期无效"


class GroupNotInCampaign(DomainError):
    """The visited person's group is not one the campaign visits."""

    code = "group-not-in-campaign"
    title_en = "The campaign does not visit this group"
    title_zh = "该走访慰问活动不包括此类对象"


class VisitOutsideCampaign(DomainError):
    """The visit's date lies outside the campaign's period, or in the future."""

    code = "visit-outside-campaign-period"
    title_en = "The visit is outside the campaign's period"
    title_zh = "走访日期不在活动期间内"


class OutsideCampaignTownship(DomainError):
    """An application arranged on a visit is accepted for a household of the campaign's township."""

    code = "outside-campaign-township"
    title_en = "The household lives outside the campaign's township"
    title_zh = "申请家庭不在本次走访慰问活动的乡镇（街道）"


class VisitCampaign(Aggregate):
    """A visit campaign of one township: its groups and period."""

    stream_prefix = "visit-campaign"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.planned: VisitCampaignPlanned | None = None

    def plan(self, planned: VisitCampaignPlanned, today: date) -> None:
        """Plan the campaign for one township, over a period that has not ended."""
        if len(planned.division_code) != 9:
            raise CampaignNotInTownship(
                f"{planned.division_code} is not a township (9-digit) code",
                f"{planned.division_code} 不是乡镇（街道）行政区划代码（9位）",
                field="division_code",
            )
        if planned.ends_on < planned.starts_on or planned.ends_on < today:
            raise CampaignPeriodInvalid(
                f"the period {planned.starts_on} – {planned.ends_on} ends before it starts"
                f" or before today ({today})",
                f"活动期间 {planned.starts_on} 至 {planned.ends_on} 无效（结束早于开始或早于今天）",
                field="ends_on",
            )
        self.record(planned)

    def visit(self, visited: HouseholdVisited, today: date) -> Visit:
        """The new visit, checked against the campaign's groups and period."""
        planned = self.details
        if visited.group not in planned.groups:
            raise GroupNotInCampaign(
                f"the campaign visits {', '.join(planned.groups)}, not {visited.group}",
                f"本次活动走访对象为 {'、'.join(planned.groups)}，不包括 {visited.group}",
                field="group",
            )
        if not planned.starts_on <= visited.visited_on <= min(planned.ends_on, today):
            raise VisitOutsideCampaign(
                f"visits of this campaign lie between {planned.starts_on} and"
                f" {min(planned.ends_on, today)}",
                f"本次活动的走访日期应在 {planned.starts_on} 至 {min(planned.ends_on, today)} 之间",
                field="visited_on",
            )
        visit = Visit(visited.visit_id)
        visit.record(visited)
        return visit

    def ensure_in_township(self, division_code: str, field: str) -> None:
        """Refuse a division (a household's residence) outside the campaign's township."""
        township = self.details.division_code
        if not division_code.startswith(township):
            raise OutsideCampaignTownship(
                f"{division_code} is not inside the campaign's township {township}",
                f"{division_code} 不在本次活动的乡镇（街道）{township} 内",
                field=field,
            )

    @property
    def details(self) -> VisitCampaignPlanned:
        """The plan (the campaign exists only once planned)."""
        assert self.planned is not None, "the campaign is not planned"
        return self.planned

    def when_VisitCampaignPlanned(self, event: VisitCampaignPlanned) -> None:
        self.planned = event


class Visit(Aggregate):
    """One visit of a campaign (a stream of one event: what was found and arranged)."""

    stream_prefix = "visit"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.visited: HouseholdVisited | None = None

    def when_HouseholdVisited(self, event: HouseholdVisited) -> None:
        self.visited = event


def register_events(registry: EventRegistry) -> None:
    """Register the visit campaign events."""
    registry.register_all(VisitCampaignPlanned, HouseholdVisited)
