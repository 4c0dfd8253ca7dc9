"""The SUP-8 statistics as an XLSX workbook: one sheet per report table, Chinese headers.

Cells hold the same numbers as the JSON report (numbers as numbers, a missing average as an empty
cell); every amount in fen is followed by a column in yuan with two decimals. The header row is
frozen so it stays in view while scrolling.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from shared.exports import spreadsheet_safe
from supervision.application.reports import COLUMNS

YUAN_SUFFIX = "_yuan"
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FORMATS = {"_fen": "#,##0", YUAN_SUFFIX: "#,##0.00", "_rate": "0.00%", "_avg": "0.00"}


@dataclass(frozen=True)
class Table:
    """One report table: a sheet title, its columns (name, Chinese title) and its rows."""

    title: str
    columns: Sequence[tuple[str, str]]
    rows: Sequence[dict[str, Any]]


def with_yuan(columns: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The columns with a yuan column after every fen column (`spending_fen` → `spending_yuan`)."""
    out: list[tuple[str, str]] = []
    for name, title in columns:
        out.append((name, title))
        if name.endswith("_fen"):
            out.append((name.removesuffix("_fen") + YUAN_SUFFIX, title.replace("（分）", "（元）")))
    return out


def _value(row: dict[str, Any], name: str) -> Any:
    if name.endswith(YUAN_SUFFIX):
        fen = row.get(name.removesuffix(YUAN_SUFFIX) + "_fen")
        return None if fen is None else round(fen / 100, 2)
    return row.get(name)


def statistics_tables(rows: Sequence[dict[str, Any]]) -> list[Table]:
    """The statistics report's tables (today one: the figures by county and programme)."""
    return [Table("统计报表", with_yuan(COLUMNS), rows)]


def as_xlsx(
    tables: Sequence[Table], *, period: str, jurisdiction: str, generated_at: datetime
) -> bytes:
    """A workbook with one sheet per table, then a sheet saying what the report covers."""
    book = Workbook()
    book.remove(book.worksheets[0])
    for table in tables:
        _table_sheet(book, table)
    about = book.create_sheet("说明")
    about.append(["项目", "内容"])
    about.append(["统计期间", period])
    about.append(["管辖区划", spreadsheet_safe(jurisdiction)])
    about.append(["生成时间", generated_at.isoformat(timespec="seconds")])
    about.append(["数据来源", "监督检查服务审计留痕（可按月重算）"])
    about.append(["说明", "救助项目“*”表示不分项目的指标（入户抽查、急难、投诉、线索、督查）"])
    _style_header(about, 2)
    about.column_dimensions["A"].width = 14
    about.column_dimensions["B"].width = 60
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table_sheet(book: Workbook, table: Table) -> None:
    sheet = book.create_sheet(table.title)
    sheet.append([title for _, title in table.columns])
    for row in table.rows:
        sheet.append([spreadsheet_safe(_value(row, name)) for name, _ in table.columns])
    _style_header(sheet, len(table.columns))
    for index, (name, title) in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, 2 * len(title) + 2)
        number_format = next((f for end, f in _FORMATS.items() if name.endswith(end)), None)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    if table.rows:
        sheet.auto_filter.ref = sheet.dimensions


def _style_header(sheet: Any, width: int) -> None:
    sheet.freeze_panes = "A2"
    for cell in sheet[1][:width]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
