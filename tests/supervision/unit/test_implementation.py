"""Implementation reports (贯彻落实情况, SUP-11): periods as the policy in force writes them, due
days after the period, filed / late / missing; and a county's file of reports."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from shared.domain.errors import ConcurrencyConflict
from supervision.domain.implementation import (
    ImplementationFile,
    ImplementationReportFiled,
    InvalidReportPeriod,
    ReportPeriod,
    register_events,
    status,
)
from tests.in_memory import PINNED, in_memory, staff

pytestmark = pytest.mark.req("SUP-11")

YEAR = PINNED.year
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("value", "kind", "parsed", "last_day"),
    [
        (f"{YEAR}-H1", "half_year", ReportPeriod(YEAR, 1), date(YEAR, 6, 30)),
        (f" {YEAR}-H2 ", "half_year", ReportPeriod(YEAR, 2), date(YEAR, 12, 31)),
        (str(YEAR), "year", ReportPeriod(YEAR, None), date(YEAR, 12, 31)),
    ],
)
def test_a_period_is_read_as_the_policy_in_force_writes_it(
    value: str, kind: str, parsed: ReportPeriod, last_day: date
) -> None:
    assert ReportPeriod.parse(value, kind) == parsed
    assert parsed.last_day == last_day and str(parsed) == value.strip()


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (str(YEAR), "half_year"),  # a year where half years are filed
        (f"{YEAR}-H1", "year"),  # and the other way round
        (f"{YEAR}-H3", "half_year"),
        ("1999-H1", "half_year"),  # outside 2000–2100
        ("２０２７-H1", "half_year"),  # full-width digits are not ASCII digits
        (f"{YEAR}-06", "half_year"),
    ],
)
def test_a_period_written_otherwise_is_refused_naming_the_field(value: str, kind: str) -> None:
    with pytest.raises(InvalidReportPeriod) as refused:
        ReportPeriod.parse(value, kind)
    assert (refused.value.status, refused.value.extensions) == (422, {"field": "period"})


def test_a_report_is_due_the_policys_days_after_its_period_ends() -> None:
    assert ReportPeriod(YEAR, 1).due_on(15) == date(YEAR, 7, 15)
    assert ReportPeriod(YEAR, None).due_on(31) == date(YEAR + 1, 1, 31)


@pytest.mark.parametrize(
    ("filed_after", "today_after", "expected"),
    [
        (0, 30, "filed"),  # on the due day itself is on time
        (-10, 30, "filed"),
        (1, 30, "late"),
        (None, 0, "not_yet_due"),  # the due day is still today
        (None, 1, "missing"),
    ],
)
def test_a_report_is_late_or_missing_only_after_its_due_day(
    filed_after: int | None, today_after: int, expected: str
) -> None:
    due = ReportPeriod(YEAR, 1).due_on(15)
    filed = None if filed_after is None else due + filed_after * DAY
    assert status(filed, due, due + today_after * DAY) == expected


@pytest.mark.parametrize(("filed_after", "late"), [(-1, False), (0, False), (1, True)])
def test_a_report_filed_after_its_due_day_is_recorded_late(filed_after: int, late: bool) -> None:
    period = ReportPeriod(YEAR, 1)
    due = period.due_on(15)
    file = ImplementationFile(ImplementationFile.id_for("620105", period))
    file.report("620105", period, "安民发〔1〕号", "低保提标已落实", due + filed_after * DAY, due)
    filed, filed_on = file.reports[0], due + filed_after * DAY
    assert file.id == f"620105-{YEAR}-H1" and filed.period == f"{YEAR}-H1"
    assert (filed.filed_on, filed.due_on) == (filed_on, due)
    assert filed.late is late


async def test_a_refiling_corrects_the_report_and_the_first_filing_date_stays() -> None:
    # given a county's report for the first half, filed late, then corrected
    repository = in_memory(ImplementationFile, register_events)
    file_id = f"620105-{YEAR}-H1"
    file = ImplementationFile(file_id)
    due = ReportPeriod(YEAR, 1).due_on(15)
    refs = [f"安民发〔{YEAR}〕12号", f"安民发〔{YEAR}〕13号"]
    for filed_on, ref in zip((due + DAY, due + 5 * DAY), refs, strict=True):
        file.file(ImplementationReportFiled("620105", f"{YEAR}-H1", ref, "低保提标已落实",
                                            filed_on, due, filed_on > due))  # fmt: skip
    await repository.save(file, staff("报送贯彻落实情况", role="county_officer"), None)
    # when it is loaded
    loaded = await repository.get(file_id)
    # then both filings are kept in order: the first date for the status, the last document
    assert [r.document_ref for r in loaded.reports] == refs
    assert status(loaded.reports[0].filed_on, due, due + 9 * DAY) == "late"
    # and a filing on a stale copy conflicts
    stale = await repository.get(file_id)
    loaded.file(file.reports[0])
    await repository.save(loaded, staff("更正", role="county_officer"), None)
    stale.file(file.reports[0])
    with pytest.raises(ConcurrencyConflict):
        await repository.save(stale, staff("更正", role="county_officer"), None)
