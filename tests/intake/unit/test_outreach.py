"""INT-11 without I/O: campaigns and visits, aid points' seasons, rough sleepers' records, and what
their events show on the public topics."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from intake.domain.outreach import (
    Arrangement,
    CampaignNotInTownship,
    CampaignPeriodInvalid,
    GroupNotInCampaign,
    HouseholdVisited,
    NeedFound,
    OutsideCampaignTownship,
    VisitCampaign,
    VisitCampaignPlanned,
    VisitGroup,
    VisitOutsideCampaign,
)
from intake.domain.rough_sleeper_events import (
    AidPointKind,
    AidPointOpened,
    HelpKind,
    RoughSleeperRegistered,
    Season,
    SeasonKind,
)
from intake.domain.rough_sleepers import (
    AidPoint,
    AidPointClosedError,
    AidPointOutOfSeason,
    AlreadyIdentified,
    HelpDateInTheFuture,
    RoughSleeper,
    SeasonInvalid,
    ShelterOutOfSeason,
    UnidentifiedNeedsDescription,
)
from shared.identity import check_char
from shared.privacy import pseudonym, public_view

TODAY = date(2027, 1, 20)  # a winter's day
TOWNSHIP = "620103001"
PERSON = "62010319560203002" + check_char("62010319560203002")
WINTER = Season(SeasonKind.COLD, TODAY - timedelta(days=60), TODAY + timedelta(days=50))
SUMMER = Season(SeasonKind.HEAT, TODAY + timedelta(days=150), TODAY + timedelta(days=220))


def campaign(**changes: object) -> VisitCampaign:
    fields: dict[str, object] = {
        "campaign_id": "c-1",
        "division_code": TOWNSHIP,
        "title": "春节走访慰问",
        "groups": (VisitGroup.DIBAO_HOUSEHOLD, VisitGroup.EXTREME_POVERTY_PERSON),
        "starts_on": TODAY - timedelta(days=10),
        "ends_on": TODAY + timedelta(days=30),
        **changes,
    }
    planned = VisitCampaign("c-1")
    planned.plan(VisitCampaignPlanned(**fields), TODAY)  # type: ignore[arg-type]
    return planned


def visited(**changes: object) -> HouseholdVisited:
    fields: dict[str, object] = {
        "visit_id": "v-1",
        "campaign_id": "c-1",
        "division_code": TOWNSHIP,
        "group": VisitGroup.EXTREME_POVERTY_PERSON,
        "resident_id": PERSON,
        "visited_on": TODAY,
        "needs": (NeedFound("慢性病用药负担重", Arrangement.REFERRAL, referral_id="r-1"),),
        "help_given": "米、面、油",
        **changes,
    }
    return HouseholdVisited(**fields)  # type: ignore[arg-type]


def point(*seasons: Season) -> AidPoint:
    opened = AidPoint("p-1")
    opened.open(
        AidPointOpened("p-1", "620103", AidPointKind.TEMPORARY_SHELTER, "七里河区临时庇护所",
                       "西津西路", seasons or (WINTER,))
    )  # fmt: skip
    return opened


def unidentified() -> RoughSleeper:
    record = RoughSleeper("rs-1")
    record.register(
        RoughSleeperRegistered(
            "rs-1", TOWNSHIP, None, "男，约六十岁，灰色棉衣", "西站地下通道", None
        )
    )
    return record


@pytest.mark.req("INT-11")
def test_a_campaign_is_planned_per_township_over_a_period_that_has_not_ended() -> None:
    assert campaign().details.division_code == TOWNSHIP
    with pytest.raises(CampaignNotInTownship) as county:
        campaign(division_code="620103")
    with pytest.raises(CampaignPeriodInvalid) as backwards:
        campaign(ends_on=TODAY - timedelta(days=11))
    with pytest.raises(CampaignPeriodInvalid):
        campaign(starts_on=TODAY - timedelta(days=30), ends_on=TODAY - timedelta(days=1))
    assert county.value.extensions["field"] == "division_code"
    assert backwards.value.extensions["field"] == "ends_on"


@pytest.mark.req("INT-11")
def test_a_visit_is_of_a_campaign_group_within_its_period_and_not_in_the_future() -> None:
    plan = campaign()
    visit = plan.visit(visited(), TODAY)
    assert visit.pending == [visited()] and visit.stream_id == "visit-v-1"
    with pytest.raises(GroupNotInCampaign) as group:
        plan.visit(visited(group=VisitGroup.ENTITLED_SERVICEMAN_FAMILY), TODAY)
    with pytest.raises(VisitOutsideCampaign) as early:
        plan.visit(visited(visited_on=TODAY - timedelta(days=11)), TODAY)
    with pytest.raises(VisitOutsideCampaign):
        plan.visit(visited(visited_on=TODAY + timedelta(days=1)), TODAY)
    assert group.value.extensions["field"] == "group"
    assert early.value.extensions["field"] == "visited_on"


@pytest.mark.req("INT-11")
def test_an_application_arranged_on_a_visit_is_for_a_household_of_the_township() -> None:
    plan = campaign()
    plan.ensure_in_township(TOWNSHIP + "002", "needs.0.application.division_code")
    with pytest.raises(OutsideCampaignTownship) as elsewhere:
        plan.ensure_in_township("620103002", "needs.0.application.division_code")
    assert elsewhere.value.extensions["field"] == "needs.0.application.division_code"


@pytest.mark.req("INT-11")
def test_help_is_given_at_an_open_point_in_a_season_that_fits_it() -> None:
    record, shelter = unidentified(), point()
    record.help(shelter, "h-1", TODAY, (HelpKind.FOOD, HelpKind.COLD_SHELTER), TODAY)
    assert record.helped == 1
    # heat shelter in a winter season, a day outside every season, a day still to come
    with pytest.raises(ShelterOutOfSeason) as wrong_kind:
        record.help(shelter, "h-2", TODAY, (HelpKind.HEAT_SHELTER,), TODAY)
    with pytest.raises(AidPointOutOfSeason) as off_season:
        record.help(shelter, "h-3", WINTER.ends_on + timedelta(days=1), (HelpKind.FOOD,),
                    WINTER.ends_on + timedelta(days=1))  # fmt: skip
    with pytest.raises(HelpDateInTheFuture):
        record.help(shelter, "h-4", TODAY + timedelta(days=1), (HelpKind.FOOD,), TODAY)
    assert wrong_kind.value.extensions["field"] == "kinds"
    assert off_season.value.extensions["field"] == "given_on"
    assert record.helped == 1 and len(record.pending) == 2  # registered + the one help


@pytest.mark.req("INT-11")
def test_a_season_added_opens_the_point_and_a_closed_point_gives_no_more_help() -> None:
    shelter, record = point(), unidentified()
    shelter.add_season(SUMMER)
    summer_day = SUMMER.starts_on
    record.help(shelter, "h-1", summer_day, (HelpKind.HEAT_SHELTER,), summer_day)
    with pytest.raises(SeasonInvalid):
        shelter.add_season(Season(SeasonKind.COLD, TODAY, TODAY - timedelta(days=1)))
    shelter.close(TODAY)
    with pytest.raises(AidPointClosedError) as closed:
        record.help(shelter, "h-2", TODAY, (HelpKind.FOOD,), TODAY)
    with pytest.raises(AidPointClosedError):
        shelter.close(TODAY)
    assert closed.value.extensions["field"] == "aid_point_id"


@pytest.mark.req("INT-11")
def test_an_unidentified_person_is_described_and_placed_and_identified_once() -> None:
    for missing in ("appearance", "found_address"):
        fields = {"appearance": "男，约六十岁", "found_address": "西站地下通道", missing: "  "}
        with pytest.raises(UnidentifiedNeedsDescription) as refused:
            RoughSleeper("rs-2").register(
                RoughSleeperRegistered("rs-2", TOWNSHIP, None, stated_name=None, **fields)
            )
        assert refused.value.extensions["field"] == missing
    record = unidentified()
    record.identify(PERSON, TODAY)
    assert record.resident_id == PERSON
    with pytest.raises(AlreadyIdentified):
        record.identify(PERSON, TODAY)


@pytest.mark.req("INT-11", "GEN-7")
def test_the_public_view_hides_who_a_rough_sleeper_or_a_visited_person_is() -> None:
    key = b"k" * 32
    registered = {
        "record_id": "rs-1", "division_code": TOWNSHIP, "resident_id": PERSON,
        "appearance": "男，约六十岁，左手缠绷带", "found_address": "七里河区西站十字地下通道",
        "stated_name": "李长贵",
    }  # fmt: skip
    view = public_view(registered, key)
    assert "appearance" not in view
    assert view["resident_id"] == pseudonym(PERSON, key)
    assert view["stated_name"] == "李**" and view["found_address"].startswith("七里河*")
    identified = public_view({"record_id": "rs-1", "resident_id": PERSON}, key)
    assert identified["resident_id"] == pseudonym(PERSON, key)
    visit = public_view({"visit_id": "v-1", "resident_id": PERSON, "group": "dibao_household"}, key)
    assert visit["resident_id"] == pseudonym(PERSON, key) and PERSON not in str(visit)
