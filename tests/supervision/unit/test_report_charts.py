"""SUP-8 chart series: which numbers go into which bars, and the yuan column of the workbook."""

from __future__ import annotations

import pytest

from supervision.application.report_charts import SERIES, chart_data
from supervision.application.report_xlsx import with_yuan
from supervision.application.reports import COLUMNS

ROWS = [
    {"county_code": "620102", "programme": "*", "applications": 0, "approvals": 0,
     "rejections": 0, "spending_fen": 0, "beneficiaries": 0, "spot_check_rate": 0.3,
     "complaints": 2, "alerts": 1, "inspection_findings": 0, "processing_days_avg": None,
     "urgent_response_hours_avg": 4.5},
    {"county_code": "620102", "programme": "urban_dibao", "applications": 3, "approvals": 2,
     "rejections": 1, "spending_fen": 120_050, "beneficiaries": 2, "spot_check_rate": None,
     "complaints": 0, "alerts": 0, "inspection_findings": 0, "processing_days_avg": 7.25,
     "urgent_response_hours_avg": None},
    {"county_code": "620103", "programme": "rural_dibao", "applications": 1, "approvals": 0,
     "rejections": 0, "spending_fen": 30_000, "beneficiaries": 1, "spot_check_rate": None,
     "complaints": 0, "alerts": 0, "inspection_findings": 0, "processing_days_avg": None,
     "urgent_response_hours_avg": None},
]  # fmt: skip


@pytest.mark.req("SUP-8")
def test_spending_is_drawn_in_yuan_with_one_bar_per_programme() -> None:
    counties, bars = chart_data(SERIES["spending"], ROWS, zh=False)
    assert counties == ["620102", "620103"]
    assert bars == [("rural_dibao", [0.0, 300.0]), ("urban_dibao", [1200.5, 0.0])]


@pytest.mark.req("SUP-8")
def test_county_wide_series_add_counts_and_take_rates_from_the_county_row() -> None:
    _, applications = chart_data(SERIES["applications"], ROWS, zh=False)
    assert applications == [("applications", [3.0, 1.0]), ("approvals", [2.0, 0.0]),
                            ("rejections", [1.0, 0.0])]  # fmt: skip
    _, rate = chart_data(SERIES["spot-check-rate"], ROWS, zh=True)
    assert rate == [("抽查比例", [30.0, 0.0])]
    _, oversight = chart_data(SERIES["oversight"], ROWS, zh=True)
    assert [label for label, _ in oversight] == ["投诉举报", "违规线索", "督查发现问题"]


@pytest.mark.req("SUP-8")
def test_every_fen_column_is_followed_by_its_yuan_column() -> None:
    columns = with_yuan(COLUMNS)
    names = [name for name, _ in columns]
    at = names.index("spending_fen")
    assert columns[at + 1] == ("spending_yuan", "发放金额（元）")
    assert len(columns) == len(COLUMNS) + 1
