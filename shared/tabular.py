"""Migration files (docs/migration.md): CSV in UTF-8 or GB18030, or XLSX, with a header row.

One streaming pass hashes a file, tells its format and text encoding and checks its header
against a `Layout`; a second pass yields its rows as text cells. Row numbers are the ones a
spreadsheet shows: the header is row 1, the first data row 2. Used by verification's caseload
import and payments' standards import (ADR 0037); each names its own refusal error.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from shared.domain.errors import DomainError

XLSX_MAGIC = b"PK\x03\x04"
EARLIEST = date(1990, 1, 1)  # before any dibao scheme of the province
_DATE = re.compile(r"([0-9]{4})[-/]([0-9]{1,2})[-/]([0-9]{1,2})")
CHUNK = 1 << 20
MAX_XLSX_UNPACKED_BYTES = 1 << 30
"""What a workbook's parts may unpack to: some 1,000,000 rows, far above a county's caseload."""

Opener = Callable[[], IO[bytes]]
Row = tuple[int, dict[str, str]]


class Bad(Exception):
    """A cell broke its rule: the reason in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def required(text: str) -> str:
    """Any required cell: not empty."""
    if not text:
        raise Bad("必填项为空", "required, but empty")
    return text


def civil_date(text: str) -> date:
    """A civil date, YYYY-MM-DD (or YYYY/MM/DD), from 1990 on."""
    match = _DATE.fullmatch(required(text))
    try:
        if match is None:
            raise ValueError(text)
        value = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise Bad("日期应为 YYYY-MM-DD", "a date YYYY-MM-DD") from None
    if value < EARLIEST:
        raise Bad("日期早于1990年", "before 1990")
    return value


@dataclass(frozen=True)
class Layout:
    """A file's columns: every one it may have, those it must have, and how it is refused."""

    name_en: str  # "caseload", "standards"
    name_zh: str  # 迁移, 保障标准
    columns: tuple[str, ...]
    required: tuple[str, ...]
    refused: type[DomainError]

    def refuse(self, en: str, zh: str, field: str) -> DomainError:
        """The file refused whole (nothing of it imported), naming the field at fault."""
        return self.refused(en, zh, field=field)


@dataclass(frozen=True)
class SourceFile:
    """What one pass over the file found: its digest, format, encoding and data rows."""

    sha256: str
    file_format: str  # csv | xlsx
    encoding: str | None  # utf-8-sig | gb18030 for CSV
    rows_total: int | None  # data rows (CSV: lines after the header; XLSX: the sheet's extent)


def inspect(opener: Opener, layout: Layout) -> SourceFile:
    """Hash the file, tell its format and text encoding, check its header and (CSV) that every
    line reads as CSV: a file refused here has nothing of it imported."""
    digest, lines, head = hashlib.sha256(), 0, b""
    decoders = {name: codecs.getincrementaldecoder(name)() for name in ("utf-8", "gb18030")}
    with opener() as stream:
        while chunk := stream.read(CHUNK):
            head = head or chunk[:4]
            digest.update(chunk)
            lines += chunk.count(b"\n")
            for name, decoder in list(decoders.items()):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    del decoders[name]
    if head == XLSX_MAGIC:
        source = SourceFile(digest.hexdigest(), "xlsx", None, _xlsx_rows(opener, layout))
    elif decoders:
        encoding = "utf-8-sig" if "utf-8" in decoders else "gb18030"
        source = SourceFile(digest.hexdigest(), "csv", encoding, max(lines - 1, 0))
    else:
        raise layout.refuse(
            "neither an XLSX workbook nor CSV text in UTF-8 or GB18030",
            "既不是 XLSX 工作簿，也不是 UTF-8 或 GB18030 编码的 CSV 文本",
            field="file",
        )
    if source.file_format == "csv":
        deque(rows(opener, source, layout), maxlen=0)  # every line reads as CSV
    else:
        next(rows(opener, source, layout), None)  # reads (and checks) the header
    return source


def rows(opener: Opener, source: SourceFile, layout: Layout) -> Iterator[Row]:
    """The file's non-empty data rows with their spreadsheet row numbers, every column present."""
    if source.file_format == "csv":
        return _csv_rows(opener, source, layout)
    return _xlsx_data(opener, layout)


def _header(names: list[str], layout: Layout) -> list[str]:
    header = [n.strip().lower() for n in names]
    missing = [c for c in layout.required if c not in header]
    unknown = [c for c in header if c and c not in layout.columns]
    if missing or unknown:
        bad = (missing or unknown)[0]
        raise layout.refuse(
            f"column {bad} is {'missing' if missing else f'not a {layout.name_en} column'}"
            " (docs/migration.md lists the columns)",
            f"列 {bad} {'缺失' if missing else f'不是{layout.name_zh}文件的列'}"
            "（列名见 docs/migration.md）",
            field=bad,
        )
    return header


def _csv_rows(opener: Opener, source: SourceFile, layout: Layout) -> Iterator[Row]:
    with opener() as stream:
        text = io.TextIOWrapper(stream, encoding=source.encoding or "utf-8-sig", newline="")
        reader = csv.reader(text)
        try:
            header = _header(next(reader, []), layout)
            for number, values in enumerate(reader, start=2):
                if any(v.strip() for v in values):
                    yield number, _record(header, values, layout)
        except csv.Error as error:  # a field past csv's limit (128 KiB), a stray quote …
            raise layout.refuse(
                f"line {reader.line_num} is not CSV: {error}",
                f"第 {reader.line_num} 行不是有效的 CSV：{error}",
                field="file",
            ) from None


def _record(header: list[str], values: list[Any], layout: Layout) -> dict[str, str]:
    record = dict.fromkeys(layout.columns, "")
    for name, value in zip(header, values, strict=False):
        if name:
            record[name] = cell_text(value)
    return record


def cell_text(value: Any) -> str:
    """A cell as text: spreadsheets hand back numbers and dates, the rules read text."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(opener: Opener, layout: Layout) -> int | None:
    from openpyxl import load_workbook

    with opener() as stream:
        _refuse_a_bomb(stream, layout)
        try:
            book = load_workbook(stream, read_only=True, data_only=True)
        except Exception as error:  # a zip that is not a workbook: openpyxl's errors vary
            raise layout.refuse(
                f"not a readable XLSX workbook ({type(error).__name__})",
                "不是可读取的 XLSX 工作簿",
                field="file",
            ) from None
        try:
            extent = book.worksheets[0].max_row if book.worksheets else None
        finally:
            book.close()
    return extent - 1 if extent else None


def _refuse_a_bomb(stream: IO[bytes], layout: Layout) -> None:
    """Refuse a workbook whose parts unpack to more than MAX_XLSX_UNPACKED_BYTES (a zip bomb:
    openpyxl holds the shared strings in memory). Each part's size is what its zip entry
    declares, which `zipfile` also holds the part to when it is read."""
    try:
        with zipfile.ZipFile(stream) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        unpacked = 0  # not a zip after all: openpyxl says why
    stream.seek(0)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise layout.refuse(
            f"the workbook unpacks to {unpacked} bytes, more than {MAX_XLSX_UNPACKED_BYTES};"
            " split it, or send it as CSV",
            f"工作簿解压后 {unpacked} 字节，超过 {MAX_XLSX_UNPACKED_BYTES} 字节；请拆分或改用 CSV",
            field="file",
        )


def _xlsx_data(opener: Opener, layout: Layout) -> Iterator[Row]:
    from openpyxl import load_workbook

    with opener() as stream:
        book = load_workbook(stream, read_only=True, data_only=True)
        try:
            cells = book.worksheets[0].iter_rows(values_only=True)
            header = _header([cell_text(v) for v in next(cells, ())], layout)
            for number, values in enumerate(cells, start=2):
                if any(cell_text(v) for v in values):
                    yield number, _record(header, list(values), layout)
        finally:
            book.close()
