"""VER-9 deadlines and the service loop's interval, as the operator configures them.

The settings read the environment; the composition root turns them into verification's Policy.
"""

from __future__ import annotations

from datetime import date

import pytest

from services.composition import verification_policy
from services.settings import Settings
from shared.workdays import WorkingCalendar
from verification.application.service import Policy
from verification.domain.policy import Deadlines, due_dates

MONDAY = date(2026, 11, 23)


def policy_from(env: dict[str, str]) -> Policy:
    """The policy a service process started with this environment runs with."""
    return verification_policy(Settings.from_env(env))


@pytest.mark.req("VER-9")
def test_the_requirement_defaults_hold_without_configuration() -> None:
    assert policy_from({}).deadlines == Deadlines(3, 10, 30, 45)


@pytest.mark.req("VER-9")
def test_each_deadline_is_configurable_in_working_days() -> None:
    policy = policy_from(
        {
            "VERIFICATION_INVESTIGATION_START_WORKING_DAYS": "5",
            "VERIFICATION_COUNTY_DECISION_WORKING_DAYS": "15",
            "VERIFICATION_WHOLE_PROCESS_WORKING_DAYS": "20",
            "VERIFICATION_WHOLE_PROCESS_EXTENDED_WORKING_DAYS": "40",
        }
    )
    assert policy.deadlines == Deadlines(5, 15, 20, 40)
    dues = due_dates(WorkingCalendar(), MONDAY, MONDAY, policy.deadlines)
    assert dues == {
        "investigation_start": date(2026, 11, 30),
        "county_decision": date(2026, 12, 14),
        "whole_process": date(2026, 12, 21),
    }


@pytest.mark.req("VER-9")
def test_a_longer_whole_process_raises_the_default_extension_with_it() -> None:
    deadlines = policy_from({"VERIFICATION_WHOLE_PROCESS_WORKING_DAYS": "50"}).deadlines
    assert (deadlines.whole_process, deadlines.whole_process_extended) == (50, 50)


@pytest.mark.req("VER-9")
@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"VERIFICATION_INVESTIGATION_START_WORKING_DAYS": "-1"}, "INVESTIGATION_START"),
        ({"VERIFICATION_COUNTY_DECISION_WORKING_DAYS": "ten"}, "COUNTY_DECISION"),
        (
            {
                "VERIFICATION_WHOLE_PROCESS_WORKING_DAYS": "30",
                "VERIFICATION_WHOLE_PROCESS_EXTENDED_WORKING_DAYS": "29",
            },
            "WHOLE_PROCESS_EXTENDED",
        ),
    ],
)
def test_a_bad_deadline_is_refused_naming_its_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(ValueError, match=named):
        policy_from(env)


@pytest.mark.req("VER-9")
def test_no_allowance_means_the_clock_ran_out_before_the_case_opened() -> None:
    # 0 working days: overdue as soon as the watcher sees the clock running (today > due)
    dues = due_dates(WorkingCalendar(), MONDAY, None, Deadlines(investigation_start=0))
    assert dues["investigation_start"] == date(2026, 11, 22)
    assert dues["whole_process"] == date(2027, 1, 4)


def test_the_watcher_interval_is_configurable_and_positive() -> None:
    assert Settings.from_env({}).verification_watcher_interval_s == 30.0
    configured = Settings.from_env({"VERIFICATION_WATCHER_INTERVAL_S": "0.5"})
    assert configured.verification_watcher_interval_s == 0.5
    for bad in ("0", "-1", "soon", "nan"):
        with pytest.raises(ValueError, match="VERIFICATION_WATCHER_INTERVAL_S"):
            Settings.from_env({"VERIFICATION_WATCHER_INTERVAL_S": bad})


@pytest.mark.req("VER-5", "VER-6")
@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"VERIFICATION_SPOT_CHECK_RATE": "0.2"}, "VERIFICATION_SPOT_CHECK_RATE"),
        ({"VERIFICATION_SPOT_CHECK_RATE": "most"}, "VERIFICATION_SPOT_CHECK_RATE"),
        ({"VERIFICATION_NOTICE_FIELDS": "name,resident_id"}, "VERIFICATION_NOTICE_FIELDS"),
        ({"VERIFICATION_NOTICE_PERIOD_DAYS": "-1"}, "VERIFICATION_NOTICE_PERIOD_DAYS"),
    ],
)
def test_a_bad_notice_or_spot_check_setting_is_refused_naming_its_variable(
    env: dict[str, str], named: str
) -> None:
    with pytest.raises(ValueError, match=named):
        policy_from(env)


@pytest.mark.req("VER-5", "VER-6")
def test_the_notice_and_spot_check_settings_reach_the_policy() -> None:
    policy = policy_from(
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
            "VERIFICATION_SPOT_CHECK_RATE": "0.5",
            "VERIFICATION_NOTICE_FIELDS": "name, amount",
        }
    )
    assert policy.notice_period_days == 0
    assert str(policy.spot_check_rate) == "0.5"
    assert policy.notice_fields == ("name", "amount")
