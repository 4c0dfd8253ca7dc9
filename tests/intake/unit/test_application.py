"""The application aggregate's guards, without I/O."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from intake.domain.application import (
    Application,
    ApplicationSubmitted,
    Authorisation,
    InvalidApplication,
    Member,
    Registration,
    Relation,
    SubmissionChannel,
)
from intake.domain.programmes import COMPETENT_AGENCY, Programme

APPLICANT = "11010519491231002X"
TODAY = date(2026, 11, 27)  # the day of submission (the authorisation was signed a week before)
SPOUSE = "110105194805160011"


def submission(members: tuple[Member, ...], signer: str = APPLICANT) -> ApplicationSubmitted:
    return ApplicationSubmitted(
        application_id="case-1",
        division_code="620102001",
        registration=Registration.URBAN,
        programmes=(Programme.URBAN_DIBAO,),
        members=members,
        declared_monthly_income_fen=45_000,
        declared_assets_fen=0,
        authorisation=Authorisation(signer, date(2026, 11, 20), "授权-1"),
        channel=SubmissionChannel.COUNTER,
    )


@pytest.mark.req("INT-4")
def test_a_consistent_household_is_registered_once_and_each_programme_routed() -> None:
    # given a consistent one-person household; when it is submitted
    application = Application("case-1")
    application.submit(submission((Member(APPLICANT, "张桂兰", Relation.SELF),)), TODAY)
    # then the submission and one routing to county civil affairs are recorded
    assert [type(e).__name__ for e in application.pending] == [
        "ApplicationSubmitted",
        "ProgrammeRouted",
    ]
    assert application.pending[1].agency == "county_civil_affairs"
    assert application.outcomes == {"urban_dibao": None}
    with pytest.raises(InvalidApplication):
        application.submit(submission((Member(APPLICANT, "张桂兰", Relation.SELF),)), TODAY)


@pytest.mark.req("INT-2")
@pytest.mark.parametrize(
    ("members", "signer"),
    [
        (
            (Member(APPLICANT, "张", Relation.SELF), Member(APPLICANT, "李", Relation.SPOUSE)),
            APPLICANT,
        ),
        ((Member(APPLICANT, "张", Relation.SPOUSE),), APPLICANT),
        ((Member(APPLICANT, "张", Relation.SELF), Member(SPOUSE, "李", Relation.SELF)), APPLICANT),
        ((Member(APPLICANT, "张", Relation.SELF),), SPOUSE),
    ],
    ids=["same-id-twice", "no-applicant", "two-applicants", "signer-outside-household"],
)
def test_an_inconsistent_household_is_refused_and_records_nothing(
    members: tuple[Member, ...], signer: str
) -> None:
    application = Application("case-1")
    with pytest.raises(InvalidApplication):
        application.submit(submission(members, signer), TODAY)
    assert application.pending == []


@pytest.mark.req("INT-1", "INT-4")
def test_every_programme_of_the_catalogue_has_a_competent_agency() -> None:
    assert set(COMPETENT_AGENCY) == set(Programme)


@pytest.mark.req("INT-2")
@pytest.mark.parametrize("signed_on", [date(2026, 11, 28), date(2025, 11, 26), date(1900, 1, 1)])
def test_an_authorisation_signed_in_the_future_or_over_a_year_ago_is_refused(
    signed_on: date,
) -> None:
    household = submission((Member(APPLICANT, "张桂兰", Relation.SELF),))
    household = replace(
        household, authorisation=replace(household.authorisation, signed_on=signed_on)
    )
    with pytest.raises(InvalidApplication) as refused:
        Application("case-1").submit(household, TODAY)
    assert refused.value.extensions["field"] == "authorisation.signed_on"
