"""An application a village committee handed in (INT-3): only the township accepts it, once,
as an application of the same applicant."""

from __future__ import annotations

import pytest

from intake.domain.handed_in import (
    ApplicationHandedIn,
    HandedIn,
    HandInAccepted,
    HandInNotAcceptable,
    register_events,
)
from intake.domain.programmes import Programme
from shared.domain.errors import ConcurrencyConflict
from tests.in_memory import in_memory, staff

pytestmark = pytest.mark.req("INT-3")

APPLICANT, SOMEONE_ELSE = "62011119700101001X", "620111200501020024"


def handed_in() -> HandedIn:
    """An application for urban dibao handed in by a residents' committee."""
    hand_in = HandedIn("h1")
    programmes, committee = (Programme.URBAN_DIBAO,), "刘家堡社区居委会"
    hand_in.hand_in(ApplicationHandedIn(
        "h1", "620105001001", "620105001", APPLICANT, programmes, committee, "代为提交"
    ))  # fmt: skip
    return hand_in


def test_the_township_accepts_a_hand_in_as_an_application_of_the_same_applicant() -> None:
    hand_in = handed_in()
    hand_in.accept("app-1", APPLICANT)
    assert hand_in.pending[-1] == HandInAccepted("h1", "app-1") and hand_in.accepted_as == "app-1"


def test_a_hand_in_is_not_accepted_for_another_applicant_twice_or_when_unknown() -> None:
    hand_in = handed_in()
    with pytest.raises(HandInNotAcceptable) as other_applicant:
        hand_in.accept("app-1", SOMEONE_ELSE)
    assert other_applicant.value.extensions == {"field": "handed_in_id"}
    hand_in.accept("app-1", APPLICANT)
    with pytest.raises(HandInNotAcceptable):
        hand_in.accept("app-2", APPLICANT)
    with pytest.raises(HandInNotAcceptable):
        HandedIn("h-unknown").accept("app-3", APPLICANT)
    assert hand_in.accepted_as == "app-1"


async def test_two_offices_accepting_the_same_hand_in_at_once_one_conflicts() -> None:
    # given a hand-in saved, loaded by two clerks of the township
    repository = in_memory(HandedIn, register_events)
    await repository.save(handed_in(), staff("代为提交", role="village_committee"), None)
    first, second = await repository.get("h1"), await repository.get("h1")
    assert first.handed_in is not None and first.handed_in.programmes == (Programme.URBAN_DIBAO,)
    # when both accept it as different applications
    first.accept("app-1", APPLICANT)
    second.accept("app-2", APPLICANT)
    await repository.save(first, staff("受理", role="township_clerk"), None)
    # then only the first is stored
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("受理", role="township_clerk"), None)
    assert (await repository.get("h1")).accepted_as == "app-1"
