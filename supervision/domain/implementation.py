"""Counties' implementation reports to the provincial department (SUP-11, 贯彻落实情况).

The notice ends 各地贯彻落实情况请及时报省民政厅 without a rhythm; the period (half year or
year) and the days allowed after it are policy numbers (`supervision.domain.policy_book`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore.registry import EventRegistry, event_type

_PERIOD = re.compile(r"^(?P<year>[0-9]{4})(?:-H(?P<half>[12]))?$")  # ASCII digits only


class InvalidReportPeriod(DomainError):
    """The period is not written as the policy in force asks (2026-H1 / 2026-H2, or 2026)."""

    code = "invalid-report-period"
    status = 422
    title_en = "Invalid reporting period"
    title_zh = "报告期间无效"


class ReportPeriodNotEnded(DomainError):
    """A report is on a period that has ended, not on one running or to come."""

    code = "report-period-not-ended"
    status = 422
    title_en = "The reporting period has not ended"
    title_zh = "报告期间尚未结束"


@dataclass(frozen=True)
class ReportPeriod:
    """A half year (`2026-H1`) or a calendar year (`2026`)."""

    year: int
    half: int | None

    @classmethod
    def parse(cls, value: str, kind: str) -> ReportPeriod:
        """Parse `value`, which must be of the kind in force (half_year or year)."""
        found = _PERIOD.match(value.strip())
        wanted = "YYYY-H1 / YYYY-H2" if kind == "half_year" else "YYYY"
        if (
            found is None
            or not 2000 <= int(found["year"]) <= 2100
            or (found["half"] is None) != (kind == "year")
        ):
            raise InvalidReportPeriod(
                f"period must be written {wanted} (reports are filed per {kind})",
                f"报告期间应写作 {wanted}（按{'半年' if kind == 'half_year' else '年度'}报送）",
                field="period",
            )
        return cls(int(found["year"]), int(found["half"]) if found["half"] else None)

    @property
    def last_day(self) -> date:
        """The period's last day."""
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    def due_on(self, due_days: int) -> date:
        """The day the report is due: `due_days` after the period ends."""
        return self.last_day + timedelta(days=due_days)

    def __str__(self) -> str:
        return f"{self.year}-H{self.half}" if self.half else str(self.year)


@event_type("supervision.ImplementationReportFiled", version=1)
@dataclass(frozen=True)
class ImplementationReportFiled:
    """A county filed (or re-filed) its implementation report for a period."""

    county_code: str
    period: str
    document_ref: str
    summary: str
    filed_on: date  # the service clock's date, China time
    due_on: date
    late: bool


class ImplementationFile(Aggregate):
    """One county's implementation reports for one period: `implementation-<county>-<period>`."""

    stream_prefix = "implementation"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.reports: list[ImplementationReportFiled] = []

    @staticmethod
    def id_for(county_code: str, period: ReportPeriod) -> str:
        """The file of a county's reports for a period: `<county>-<period>`."""
        return f"{county_code}-{period}"

    def file(self, event: ImplementationReportFiled) -> None:
        """File a report; a later filing corrects the earlier one, the first date stands."""
        self.record(event)

    def report(
        self,
        county_code: str,
        period: ReportPeriod,
        document_ref: str,
        summary: str,
        filed_on: date,
        due_on: date,
    ) -> None:
        """The county files its report on `filed_on`, after the period has ended (a report
        tells how the period went, SUP-11): late when after the period's due day."""
        if filed_on <= period.last_day:
            raise ReportPeriodNotEnded(
                f"period {period} ends on {period.last_day}: its report is filed after that",
                f"报告期间{period}至{period.last_day}止，期满后方可报送",
                field="period",
            )
        filed = ImplementationReportFiled(
            county_code,
            str(period),
            document_ref,
            summary,
            filed_on,
            due_on,
            late=filed_on > due_on,
        )
        self.file(filed)

    def when_ImplementationReportFiled(self, event: ImplementationReportFiled) -> None:
        self.reports.append(event)


def status(first_filed_on: date | None, due_on: date, today: date) -> str:
    """filed (on time) | late (filed after the due day) | missing (past due) | not_yet_due."""
    if first_filed_on is not None:
        return "filed" if first_filed_on <= due_on else "late"
    return "missing" if today > due_on else "not_yet_due"


def register_events(registry: EventRegistry) -> None:
    """Register the implementation report event."""
    registry.register_all(ImplementationReportFiled)
