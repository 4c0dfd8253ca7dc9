"""The caseload file is read alike from UTF-8 CSV, GB18030 CSV and XLSX; a bad header or an
unreadable file is refused whole (issue #18, docs/migration.md)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from services.settings import PROJECT_ROOT
from shared import tabular
from verification.application.migration.layout import (
    CaseloadFileRefused,
    Opener,
    households,
    inspect,
)

SAMPLE = PROJECT_ROOT / "docs/examples/caseload-620102-EXAMPLE.csv"


def opener(content: bytes) -> Opener:
    return lambda: io.BytesIO(content)


def read(content: bytes) -> list[list[tuple[int, dict[str, str]]]]:
    return list(households(opener(content), inspect(opener(content))))


def sample_text() -> str:
    return Path(SAMPLE).read_text(encoding="utf-8")


def test_utf8_gb18030_and_xlsx_read_the_same_households() -> None:
    text = sample_text()
    book = Workbook()
    for line in text.splitlines():
        book.active.append(line.split(","))
    xlsx = io.BytesIO()
    book.save(xlsx)
    utf8 = read(text.encode("utf-8"))
    assert read(text.encode("gb18030")) == utf8
    assert read(xlsx.getvalue()) == utf8
    assert [len(h) for h in utf8] == [2, 1, 1]  # rows of one household_ref come together
    assert utf8[0][1][0] == 3  # row numbers as a spreadsheet shows them


def test_the_format_and_encoding_are_told_apart() -> None:
    assert inspect(opener(sample_text().encode("gb18030"))).encoding == "gb18030"
    assert inspect(opener(b"\xef\xbb\xbf" + sample_text().encode())).encoding == "utf-8-sig"


@pytest.mark.parametrize(
    ("content", "field"),
    [
        (b"household_ref,programme\nA,urban_dibao\n", "division_code"),  # a required column
        (sample_text().replace("member_name", "member_nickname").encode(), "member_name"),
        (b"PK\x03\x04not a workbook", "file"),
        (b"\xff\xfe\x00\xd8\x00\xdc" * 3, "file"),  # neither UTF-8 nor GB18030
    ],
)
def test_a_file_that_cannot_be_read_as_a_caseload_is_refused_whole(
    content: bytes, field: str
) -> None:
    with pytest.raises(CaseloadFileRefused) as refused:
        inspect(opener(content))
    assert refused.value.extensions["field"] == field


def test_a_workbook_that_unpacks_past_the_bound_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A zip bomb: a small file whose sheet unpacks to more than the bound (lowered here to keep
    the test small: 7 KB of workbook unpack to 2 MB)."""
    book = Workbook()
    for line in sample_text().splitlines():
        book.active.append(line.split(","))
    book.active.append(["0" * 32_000] * 64)
    packed = io.BytesIO()
    book.save(packed)
    monkeypatch.setattr(tabular, "MAX_XLSX_UNPACKED_BYTES", 1_000_000)
    assert len(packed.getvalue()) < tabular.MAX_XLSX_UNPACKED_BYTES / 100
    with pytest.raises(CaseloadFileRefused) as refused:
        inspect(opener(packed.getvalue()))
    assert refused.value.extensions["field"] == "file"
    monkeypatch.setattr(tabular, "MAX_XLSX_UNPACKED_BYTES", 4_000_000)
    assert inspect(opener(packed.getvalue())).file_format == "xlsx"  # within the bound: read


def test_a_line_that_is_not_csv_is_refused_before_anything_is_imported() -> None:
    """A field past csv's limit (128 KiB) on the last line: refused by the first pass."""
    content = sample_text().encode() + b"x" * 200_000 + b"\n"
    with pytest.raises(CaseloadFileRefused) as refused:
        inspect(opener(content))
    assert refused.value.extensions["field"] == "file"
    assert "line" in str(refused.value)
