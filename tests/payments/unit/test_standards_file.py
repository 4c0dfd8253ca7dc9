"""The standards file's row rules: yuan to fen exactly, a county (or 62) in scope, a known
programme, a date, a document; every refused cell reported with its row and field (issue #18,
docs/migration.md)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from payments.application.standards_file import (
    COLUMNS,
    STANDARDS,
    Bad,
    StandardsFileRefused,
    column_of,
    validate_rows,
    yuan_to_fen,
)
from payments.domain.standards import StandardBelowGuidance, StandardLowered
from services.settings import PROJECT_ROOT
from shared import tabular

COUNTY = "620102"
SAMPLE = PROJECT_ROOT / "docs/examples/standards-620102-EXAMPLE.csv"


def record(**cells: str) -> dict[str, str]:
    """A valid urban dibao row, changed by `cells`."""
    base = dict.fromkeys(COLUMNS, "") | {
        "division_code": COUNTY, "programme": "urban_dibao", "monthly_per_person_yuan": "857.50",
        "effective_from": "2024-01-01", "document_ref": "兰民发〔2023〕211号",
    }  # fmt: skip
    return base | cells


def refused_fields(county: str | None = COUNTY, **cells: str) -> set[str]:
    _, rejects = validate_rows([(2, record(**cells))], county)
    return {r.field for r in rejects}


@pytest.mark.parametrize(
    ("text", "fen"),
    [("857.50", 85750), ("857.5", 85750), ("857", 85700), ("0.01", 1), ("1144.09", 114409),
     ("99999999999.99", 10**13 - 1)],
)  # fmt: skip
def test_yuan_with_two_decimals_become_fen_exactly(text: str, fen: int) -> None:
    assert yuan_to_fen(text) == fen


@pytest.mark.parametrize(
    "text", ["857.505", "1,144.00", "¥857", "-5", "８５７", "857.", ".5", "1e3", "", "100000000000"]
)
def test_a_yuan_cell_other_than_digits_and_two_decimals_is_refused(text: str) -> None:
    with pytest.raises(Bad):
        yuan_to_fen(text)


def test_a_valid_row_is_the_standard_it_states() -> None:
    valid, rejects = validate_rows(
        [(5, record(class_1_yuan="420", class_3_yuan="190.00", care_none_yuan="1260.5"))], COUNTY
    )
    assert rejects == []
    [row] = valid
    standard = row.standard("ab" * 32)
    assert (standard.division_code, standard.programme) == (COUNTY, "urban_dibao")
    assert standard.effective_from == date(2024, 1, 1)
    assert standard.monthly_per_person_fen == 85750
    assert standard.floor_per_person_fen == 0
    assert standard.class_amounts_fen == {"1": 42000, "3": 19000}
    assert standard.care_amounts_fen == {"none": 126050}
    assert standard.migrated is not None
    assert (standard.migrated.source_sha256, standard.migrated.row) == ("ab" * 32, 5)
    assert row.document_ref == "兰民发〔2023〕211号"


@pytest.mark.parametrize(
    ("cells", "field"),
    [
        ({"division_code": "620102001"}, "division_code"),  # a township, not a county
        ({"division_code": "620103"}, "division_code"),  # another county than --county
        ({"division_code": "62"}, "division_code"),  # the guidance: province-wide imports only
        ({"division_code": "990101"}, "division_code"),  # not of the province
        ({"programme": "dibao"}, "programme"),
        ({"monthly_per_person_yuan": "0.00"}, "monthly_per_person_yuan"),
        ({"monthly_per_person_yuan": ""}, "monthly_per_person_yuan"),
        ({"effective_from": "2024-02-30"}, "effective_from"),
        ({"effective_from": "1989-12-31"}, "effective_from"),
        ({"document_ref": ""}, "document_ref"),
        ({"document_ref": "文" * 501}, "document_ref"),
        ({"floor_per_person_yuan": "1O0"}, "floor_per_person_yuan"),
        ({"class_2_yuan": "340.123"}, "class_2_yuan"),
        ({"care_partial_yuan": "six hundred"}, "care_partial_yuan"),
        ({"lowering_reason": "理" * 501}, "lowering_reason"),
    ],
)
def test_a_bad_cell_is_refused_with_its_field(cells: dict[str, str], field: str) -> None:
    assert refused_fields(**cells) == {field}


def test_every_bad_cell_of_a_row_is_reported_with_its_row() -> None:
    _, rejects = validate_rows(
        [(7, record(programme="x", effective_from="someday", document_ref=""))], COUNTY
    )
    assert {(r.row, r.field) for r in rejects} == {
        (7, "programme"), (7, "effective_from"), (7, "document_ref")
    }  # fmt: skip
    assert all(r.reason_zh and r.reason_en for r in rejects)


def test_the_provincial_guidance_and_any_county_are_accepted_province_wide() -> None:
    assert refused_fields(county=None, division_code="62") == set()
    assert refused_fields(county=None, division_code="620103") == set()


def test_a_second_row_for_the_same_standard_and_date_is_refused() -> None:
    rows = [(2, record()), (3, record(monthly_per_person_yuan="900")), (4, record(
        effective_from="2025-01-01"))]  # fmt: skip
    valid, rejects = validate_rows(rows, COUNTY)
    assert [r.row for r in valid] == [2, 4]
    assert [(r.row, r.field) for r in rejects] == [(3, "effective_from")]


def test_a_standards_rule_is_reported_at_the_cell_it_names() -> None:
    assert column_of(StandardLowered("x", field="class_amounts_fen.2")) == "class_2_yuan"
    assert column_of(StandardLowered("x", field="care_amounts_fen.none")) == "care_none_yuan"
    assert column_of(StandardBelowGuidance("x", field="monthly_per_person_fen")) == (
        "monthly_per_person_yuan"
    )
    assert column_of(StandardLowered("x")) == "standard"


def test_the_sample_reads_alike_from_csv_gb18030_and_xlsx() -> None:
    text = Path(SAMPLE).read_text(encoding="utf-8")
    book = Workbook()
    for line in text.splitlines():
        book.active.append(line.split(","))
    xlsx = io.BytesIO()
    book.save(xlsx)
    readings = [
        read(content) for content in (text.encode(), text.encode("gb18030"), xlsx.getvalue())
    ]
    assert readings[0] == readings[1] == readings[2]
    valid, rejects = readings[0]
    assert rejects == []
    assert len(valid) == 4


def test_a_header_naming_an_unknown_column_refuses_the_file_whole() -> None:
    content = b"division_code,programme,monthly_per_person_fen,effective_from,document_ref\n"
    with pytest.raises(StandardsFileRefused) as refused:
        tabular.inspect(lambda: io.BytesIO(content), STANDARDS)
    assert refused.value.extensions["field"] == "monthly_per_person_yuan"


def read(content: bytes) -> tuple[list[object], list[object]]:
    def opener() -> io.BytesIO:
        return io.BytesIO(content)

    source = tabular.inspect(opener, STANDARDS)
    valid, rejects = validate_rows(tabular.rows(opener, source, STANDARDS), COUNTY)
    return list(valid), list(rejects)
