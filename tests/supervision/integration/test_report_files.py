"""SUP-8 on the real PostgreSQL: the statistics as an XLSX workbook and as PNG/SVG charts."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import get_args

import openpyxl
import pytest

from shared.clock import current_period
from supervision.application.report_charts import SERIES, SeriesName
from supervision.application.reports import COLUMNS
from tests.supervision.integration.conftest import Supervision
from tests.supervision.integration.test_reports import _plant_month

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.req("SUP-8")
async def test_the_workbook_holds_the_json_figures_under_chinese_headers(
    supervision: Supervision,
) -> None:
    month = current_period(supervision.clock)
    # given a month of events in two counties
    await _plant_month(supervision)
    headers = supervision.headers("city_officer", "620100")
    async with supervision.client() as client:
        # when the city asks for the month as JSON and as XLSX (both spellings)
        report = await client.get(
            "/v1/reports/statistics",
            params={"period": month},
            headers=headers,
        )
        by_format = await client.get(
            "/v1/reports/statistics", params={"period": month, "format": "xlsx"},
            headers=headers)  # fmt: skip
        by_path = await client.get(
            "/v1/reports/statistics.xlsx",
            params={"period": month},
            headers=headers,
        )
    # then both are workbooks with the spreadsheet media type
    assert report.status_code == 200, report.text
    for answer in (by_format, by_path):
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == XLSX
        assert answer.headers["content-disposition"].endswith(f'statistics-{month}.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(by_path.content))
    assert book.sheetnames == ["统计报表", "说明"]
    sheet = book["统计报表"]
    # and the header row is Chinese, frozen, with a yuan column right after the fen column
    header = [cell.value for cell in sheet[1]]
    titles = [zh for _, zh in COLUMNS]
    spending = titles.index("发放金额（分）")
    assert header == [*titles[: spending + 1], "发放金额（元）", *titles[spending + 1 :]]
    assert sheet.freeze_panes == "A2"
    # and every cell equals the JSON figure, numbers as numbers, fen also shown as yuan
    rows = report.json()["rows"]
    assert {r["county_code"] for r in rows} == {"620102", "620103"}
    assert sheet.max_row == 1 + len(rows)
    names = [name for name, _ in COLUMNS]
    for json_row, cells in zip(rows, sheet.iter_rows(min_row=2), strict=True):
        values = [cell.value for cell in cells]
        yuan = values.pop(spending + 1)
        assert values == [json_row[name] for name in names]
        assert yuan == json_row["spending_fen"] / 100
        assert all(isinstance(v, int | float) for v in values[2:] if v is not None)
    dibao = next(cells for cells in sheet.iter_rows(min_row=2) if cells[1].value == "urban_dibao"
                 and cells[0].value == "620102")  # fmt: skip
    assert dibao[spending].value == 120_000 and dibao[spending + 1].value == 1200.0
    assert dibao[spending + 1].number_format == "#,##0.00"
    about = {row[0].value: row[1].value for row in book["说明"].iter_rows(min_row=2)}
    assert about["统计期间"] == month and about["管辖区划"] == "620100"


@pytest.mark.req("SUP-8")
async def test_every_main_series_is_drawn_as_png_and_svg(supervision: Supervision) -> None:
    month = current_period(supervision.clock)
    # given a month of events
    await _plant_month(supervision)
    headers = supervision.headers("county_officer", "620102")
    assert set(SERIES) == set(get_args(SeriesName))
    async with supervision.client() as client:
        report = await client.get(
            "/v1/reports/statistics",
            params={"period": month},
            headers=headers,
        )
        charts = report.json()["charts"]
        assert set(charts) == set(SERIES)
        for name in SERIES:
            # when each chart is fetched through the link the JSON report gives
            png = await client.get(charts[name]["png"], headers=headers)
            svg = await client.get(charts[name]["svg"], headers=headers)
            # then the PNG is a PNG of some substance and the SVG is well-formed SVG
            assert png.status_code == 200, png.text
            assert png.headers["content-type"] == "image/png"
            assert png.content.startswith(PNG_SIGNATURE) and len(png.content) > 5_000
            assert svg.status_code == 200, svg.text
            assert svg.headers["content-type"].startswith("image/svg+xml")
            root = ET.fromstring(svg.content)
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            assert len(svg.content) > 5_000
        # and an unknown series or image format is refused naming the field
        unknown = await client.get("/v1/reports/statistics/charts/gossip.png",
                                   params={"period": month}, headers=headers)  # fmt: skip
        gif = await client.get("/v1/reports/statistics/charts/spending.gif",
                               params={"period": month}, headers=headers)  # fmt: skip
    assert unknown.status_code == 422 and gif.status_code == 422


@pytest.mark.req("SUP-8")
async def test_a_caller_outside_the_division_is_refused_in_every_format(
    supervision: Supervision,
) -> None:
    # given a month of events in two counties
    await _plant_month(supervision)
    county = supervision.headers("county_officer", "620102")
    month = current_period(supervision.clock)
    async with supervision.client() as client:
        # when a county officer asks for the neighbouring county in each format
        refused = [
            await client.get(
                path, params={"period": month, "division": "620103", **extra}, headers=county
            )
            for path, extra in (
                ("/v1/reports/statistics", {}),
                ("/v1/reports/statistics", {"format": "csv"}),
                ("/v1/reports/statistics", {"format": "xlsx"}),
                ("/v1/reports/statistics.xlsx", {}),
                ("/v1/reports/statistics/charts/spending.png", {}),
                ("/v1/reports/statistics/charts/applications.svg", {}),
            )
        ]
        # and a township officer (not a reporting role) asks for its own county's workbook
        township = await client.get(
            "/v1/reports/statistics.xlsx", params={"period": month},
            headers=supervision.headers("township_officer", "620102001"))  # fmt: skip
        # and the city narrows its report to one county it covers
        narrowed = await client.get(
            "/v1/reports/statistics.xlsx", params={"period": month, "division": "620103"},
            headers=supervision.headers("city_officer", "620100"))  # fmt: skip
        own = await client.get("/v1/reports/statistics.xlsx", params={"period": month},
                               headers=county)  # fmt: skip
    # then every format is refused as outside the jurisdiction
    for answer in refused:
        assert answer.status_code == 403, answer.text
        assert answer.json()["code"] == "out-of-jurisdiction"
    assert township.status_code == 403 and township.json()["code"] == "role-not-allowed"
    # and the city's narrowed workbook and the county's own hold only that county's rows
    for answer, county_code, count in ((narrowed, "620103", 1), (own, "620102", 3)):
        assert answer.status_code == 200, answer.text
        sheet = openpyxl.load_workbook(io.BytesIO(answer.content))["统计报表"]
        codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
        assert codes == [county_code] * count
