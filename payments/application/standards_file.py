"""The standards file (docs/migration.md): one row per standard version, CSV or XLSX.

Each rule reads one cell's text and returns its value or raises `Bad` with the reason in Chinese
and English. Amounts are written in yuan with at most two decimals and become whole fen exactly
(decimal text, never a float). A row is valid only when every cell of it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from payments.domain.standards import PROVINCE, STANDARD_PROGRAMMES, StandardMigration, StandardSet
from shared import tabular
from shared.domain.errors import DomainError
from shared.identity import InvalidDivisionCode, parse_division
from shared.tabular import Bad, civil_date, required

CLASS_COLUMNS = {f"class_{n}_yuan": str(n) for n in range(1, 5)}  # rural dibao class 1–4
CARE_COLUMNS = {f"care_{level}_yuan": level for level in ("full", "partial", "none")}
REQUIRED_COLUMNS = (
    "division_code",
    "programme",
    "monthly_per_person_yuan",
    "effective_from",
    "document_ref",
)
COLUMNS = (
    *REQUIRED_COLUMNS,
    "floor_per_person_yuan",
    *CLASS_COLUMNS,
    *CARE_COLUMNS,
    "lowering_reason",
)
YUAN_DIGITS = 11  # 10^11 yuan = 10^13 fen: payments' bound on an amount (FEN_LIMIT)
TEXT_LIMIT = 500  # as the route's `reason` and `lowering_reason`
_YUAN = re.compile(rf"([0-9]{{1,{YUAN_DIGITS}}})(?:\.([0-9]{{1,2}}))?")

T = TypeVar("T")


class StandardsFileRefused(DomainError):
    """The file as a whole cannot be read as standards (format, encoding or header)."""

    code = "standards-file-refused"
    status = 422
    title_en = "The standards file cannot be read"
    title_zh = "保障标准文件无法读取"


STANDARDS = tabular.Layout("standards", "保障标准", COLUMNS, REQUIRED_COLUMNS, StandardsFileRefused)


@dataclass(frozen=True)
class Reject:
    """One refused cell (or a row the standards rules refused), for the rejects report."""

    row: int
    division_code: str
    programme: str
    field: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class StandardRow:
    """A row whose every cell passed: one version of a standard and the document deciding it."""

    row: int
    division_code: str
    programme: str
    effective_from: date
    monthly_per_person_fen: int
    floor_per_person_fen: int
    class_amounts_fen: dict[str, int]
    care_amounts_fen: dict[str, int]
    document_ref: str
    lowering_reason: str | None

    def standard(self, source_sha256: str) -> StandardSet:
        """The StandardSet it records, marked as migrated from this file's row."""
        return StandardSet(
            self.division_code,
            self.programme,
            self.effective_from,
            self.monthly_per_person_fen,
            self.floor_per_person_fen,
            self.class_amounts_fen,
            self.care_amounts_fen,
            self.lowering_reason,
            migrated=StandardMigration(source_sha256, self.row),
        )


# --- the field rules --------------------------------------------------------------------------


def division_code(text: str, county: str | None) -> str:
    """A county (6 digits) of the province, or 62 for the provincial guidance minimum; inside
    the import's county when it has one."""
    if required(text) == PROVINCE:
        if county is not None:
            raise Bad(
                "省级指导标准须在全省范围导入（不带 --county）",
                "the provincial guidance is imported province-wide (without --county)",
            )
        return text
    try:
        division = parse_division(text)
    except InvalidDivisionCode as bad:
        raise Bad(bad.detail_zh, bad.detail_en) from None
    if len(text) != 6 or division.level != "county":
        raise Bad("应为县级代码（6位）或 62（省级指导标准）", "a county (6 digits) or 62")
    if county is not None and division.code != county:
        raise Bad(f"不属于本次导入的县 {county}", f"not the county {county} being imported")
    return division.code


def programme(text: str) -> str:
    """A programme with a standard."""
    if required(text) not in STANDARD_PROGRAMMES:
        allowed = ", ".join(STANDARD_PROGRAMMES)
        raise Bad(f"救助项目应为 {allowed} 之一", f"one of {allowed}")
    return text


def yuan_to_fen(text: str, *, positive: bool = False) -> int:
    """Yuan (元) with at most two decimals, as whole fen exactly: `450.5` → 45050."""
    match = _YUAN.fullmatch(required(text))
    if match is None:
        raise Bad(
            "金额应为以“元”计、最多两位小数的数字（无千分位、无货币符号）",
            "yuan with at most two decimals: digits, one point, no separators or symbol",
        )
    fen = int(match[1]) * 100 + int((match[2] or "0").ljust(2, "0"))
    if positive and fen == 0:
        raise Bad("金额须大于0", "must be above 0")
    return fen


def document_text(text: str) -> str:
    """A document reference or a reason: 1 to 500 characters."""
    if len(required(text)) > TEXT_LIMIT:
        raise Bad(f"不超过{TEXT_LIMIT}个字符", f"at most {TEXT_LIMIT} characters")
    return text


# --- a row: every cell valid, or the row refused ----------------------------------------------


class _Cells:
    """Reads the cells of one row through the rules, collecting what is refused."""

    def __init__(self, number: int, record: dict[str, str]) -> None:
        self.number, self.record = number, record
        self.rejects: list[Reject] = []

    def read(self, column: str, rule: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return rule(self.record[column], *args, **kwargs)
        except Bad as bad:
            self.rejects.append(self.reject(column, bad.zh, bad.en))
            return None

    def optional(self, column: str, rule: Callable[..., T]) -> T | None:
        return self.read(column, rule) if self.record[column] else None

    def reject(self, column: str, zh: str, en: str) -> Reject:
        record = self.record
        return Reject(self.number, record["division_code"], record["programme"], column, zh, en)


def validate_rows(
    rows: Iterable[tabular.Row], county: str | None
) -> tuple[list[StandardRow], list[Reject]]:
    """The valid rows and every refused cell; a second row for the same standard and date is
    refused (two versions of one day would leave the later row silently in force)."""
    valid: list[StandardRow] = []
    rejects: list[Reject] = []
    seen: dict[tuple[str, str, date], int] = {}
    for number, record in rows:
        checked = _checked(number, record, county)
        if not isinstance(checked, StandardRow):
            rejects += checked
            continue
        key = (checked.division_code, checked.programme, checked.effective_from)
        if key in seen:
            zh, en = f"与第{seen[key]}行重复", f"the same standard and date as row {seen[key]}"
            rejects.append(_Cells(number, record).reject("effective_from", zh, en))
            continue
        seen[key] = number
        valid.append(checked)
    return valid, rejects


def _checked(number: int, record: dict[str, str], county: str | None) -> StandardRow | list[Reject]:
    cells = _Cells(number, record)
    values: dict[str, Any] = {
        "division_code": cells.read("division_code", division_code, county),
        "programme": cells.read("programme", programme),
        "monthly_per_person_fen": cells.read("monthly_per_person_yuan", yuan_to_fen, positive=True),
        "effective_from": cells.read("effective_from", civil_date),
        "document_ref": cells.read("document_ref", document_text),
        "floor_per_person_fen": cells.optional("floor_per_person_yuan", yuan_to_fen) or 0,
        "class_amounts_fen": _amounts(cells, CLASS_COLUMNS),
        "care_amounts_fen": _amounts(cells, CARE_COLUMNS),
        "lowering_reason": cells.optional("lowering_reason", document_text),
    }
    if cells.rejects:
        return cells.rejects
    return StandardRow(row=number, **values)


def _amounts(cells: _Cells, columns: dict[str, str]) -> dict[str, int]:
    """The filled amount columns of a kind (class 1–4, care full/partial/none) by their key."""
    amounts = {key: cells.optional(column, yuan_to_fen) for column, key in columns.items()}
    return {key: fen for key, fen in amounts.items() if fen is not None}


def column_of(refused: DomainError) -> str:
    """The file's column a standards rule named (`monthly_per_person_fen`, `class_amounts_fen.2`,
    …), so that a refused row is reported at its cell."""
    field = str(refused.extensions.get("field") or "")
    kind, _, key = field.partition(".")
    if kind == "class_amounts_fen":
        return f"class_{key}_yuan"
    if kind == "care_amounts_fen":
        return f"care_{key}_yuan"
    if kind in ("monthly_per_person_fen", "floor_per_person_fen"):
        return kind.removesuffix("_fen") + "_yuan"
    return "standard"
