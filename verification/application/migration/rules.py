"""The field rules of a caseload row, and a household valid only when all its rows are.

Each rule reads one cell's text and returns its value or raises `Bad` with the reason in Chinese
and English. A reason never repeats personal data in clear: a resident ID is shown masked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from shared import tabular
from shared.identity import InvalidDivisionCode, InvalidResidentId, parse_division
from shared.identity import validate_resident_id as _validate_resident_id
from shared.privacy import mask_resident_id
from shared.tabular import Bad, required
from verification.application.migration.layout import HOUSEHOLD_COLUMNS, Row
from verification.domain.case import PROGRAMMES_DECIDED_HERE

FEN_LIMIT = 10**13  # as intake's: far beyond any household's money, well inside bigint
# The old system's fixed amount, at most this per member a month: 5,000 yuan, over twice the
# most a person is paid under the province's standards (extreme poverty's basic standard plus
# the care standard of a person unable to care for themselves, about 2,100 yuan in 2026).
# Beyond it a cell is a typing error, not a decision: it would drain the county's run.
AMOUNT_CAP_PER_MEMBER_FEN = 500_000
# What the import cannot take over as a running benefit, and why (PAY-8, ADR 0030, ADR 0042).
NOT_MIGRATED = {
    "temporary_assistance": (
        "临时救助为一次性救助，已由原系统发放，不迁移；再有困难的按新申请办理",
        "a one-off the old system paid already: not migrated (a new need is a new application)",
    ),
    "children_in_difficulty": (
        "儿童基本生活费经儿童名册由县级认定发放（/v1/children），不经迁移",
        "children's allowances are granted through the children register (/v1/children),"
        " not migrated",
    ),
}
MIGRATED_PROGRAMMES = PROGRAMMES_DECIDED_HERE - NOT_MIGRATED.keys()
# A member's relation to the applicant: intake's published vocabulary (ApplicationSubmitted).
RELATIONS = frozenset(
    {"self", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"}
)
SELF_CARE = frozenset({"full", "partial", "none"})
CARE_ARRANGEMENTS = frozenset({"centralised", "scattered"})
_REF = re.compile(r"[0-9A-Za-z][0-9A-Za-z_./-]{0,39}")
_ACCOUNT_SEPARATORS = re.compile(r"[ -]")

T = TypeVar("T")


@dataclass(frozen=True)
class Reject:
    """One refused cell (or a row refused with its household), for the rejects report."""

    row: int
    household_ref: str
    field: str
    reason_zh: str
    reason_en: str


@dataclass(frozen=True)
class MemberRow:
    """A member as a valid row names them."""

    row: int
    resident_id: str
    name: str
    relation: str
    disability_grade: int | None
    self_care: str | None


@dataclass(frozen=True)
class Household:
    """A household whose every row passed: what its migrated case is made of."""

    first_row: int
    ref: str
    programme: str
    division_code: str
    registration: str
    rural_class: int | None
    approved_on: date
    effective_from: date
    next_review_due: date | None
    assessed_monthly_income_fen: int
    monthly_amount_fen: int | None
    bank_account: str | None
    bank_account_holder_resident_id: str | None
    care_arrangement: str | None
    members: tuple[MemberRow, ...]


# --- the field rules --------------------------------------------------------------------------


def household_ref(text: str) -> str:
    """The old system's household number: 1-40 ASCII letters, digits and `_ . / -`."""
    if not _REF.fullmatch(required(text)):
        raise Bad(
            "户编号应为1至40位字母、数字或 _ . / -",
            "1 to 40 ASCII letters, digits or _ . / -",
        )
    return text


def programme(text: str) -> str:
    """A running benefit the county civil affairs bureau decides, paid monthly by payments."""
    if required(text) in NOT_MIGRATED:
        raise Bad(*NOT_MIGRATED[text])
    if text not in MIGRATED_PROGRAMMES:
        allowed = ", ".join(sorted(MIGRATED_PROGRAMMES))
        raise Bad(f"救助项目应为 {allowed} 之一", f"one of {allowed}")
    return text


def division_code(text: str, county: str | None) -> str:
    """A township or village (9 or 12 digits) of the province, inside the import's county."""
    try:
        division = parse_division(required(text))
    except InvalidDivisionCode as bad:
        raise Bad(bad.detail_zh, bad.detail_en) from None
    if division.level not in ("township", "village"):
        raise Bad("应为乡镇（9位）或村（12位）代码", "a township (9 digits) or village (12 digits)")
    if county is not None and not division.code.startswith(county):
        raise Bad(f"不属于本次迁移的县 {county}", f"not inside the county {county} being imported")
    return division.code


def registration(text: str) -> str:
    """Household registration: urban or rural."""
    if required(text) not in ("urban", "rural"):
        raise Bad("户籍类型应为 urban 或 rural", "urban or rural")
    return text


def choice(text: str, allowed: frozenset[str]) -> str | None:
    """An optional cell from a closed list."""
    if text and text not in allowed:
        listed = ", ".join(sorted(allowed))
        raise Bad(f"应为 {listed} 之一或留空", f"one of {listed}, or empty")
    return text or None


def small_int(text: str, low: int, high: int) -> int | None:
    """An optional whole number within bounds (a class, a disability grade)."""
    if not text:
        return None
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise Bad(f"应为{low}至{high}的整数或留空", f"a whole number {low} to {high}, or empty")
    return int(text)


def fen(text: str, *, positive: bool = False) -> int:
    """Money in whole fen (分): digits only, no decimal point, no thousands separator."""
    if not text.isascii() or not text.isdigit():
        raise Bad("金额应为以“分”计的非负整数（无小数点、无千分位）", "whole fen: digits only")
    value = int(text)
    if value >= FEN_LIMIT or (positive and value == 0):
        raise Bad("金额超出合理范围", "out of range" + (" (must be above 0)" if positive else ""))
    return value


def civil_date(text: str, today: date, *, not_after_today: bool = False) -> date:
    """A civil date, YYYY-MM-DD (or YYYY/MM/DD), from 1990 on."""
    value = tabular.civil_date(text)
    if not_after_today and value > today:
        raise Bad("日期晚于今天", "after today")
    return value


def resident_id(text: str, today: date) -> str:
    """A GB 11643 resident ID; the reason shows it masked."""
    try:
        return _validate_resident_id(required(text), today=today).value
    except InvalidResidentId as bad:
        masked = mask_resident_id(text)
        raise Bad(f"{bad.detail_zh}（{masked}）", f"{bad.detail_en} ({masked})") from None


def bank_account(text: str) -> str | None:
    """An optional account number: 10 to 30 digits (spaces and dashes dropped)."""
    digits = _ACCOUNT_SEPARATORS.sub("", text)
    if not digits:
        return None
    if not digits.isascii() or not digits.isdigit() or not 10 <= len(digits) <= 30:
        raise Bad("银行账号应为10至30位数字", "10 to 30 digits")
    return digits


def member_name(text: str) -> str:
    """A name of 1 to 50 characters, no digits."""
    if len(required(text)) > 50 or any(c.isdigit() for c in text):
        raise Bad("姓名应为1至50个字符且不含数字", "1 to 50 characters, no digits")
    return text


# --- a household: every row valid, or none imported -------------------------------------------


class _Cells:
    """Reads cells of one row through the rules, collecting what is refused."""

    def __init__(self, number: int, record: dict[str, str], rejects: list[Reject]) -> None:
        self.number, self.record, self.rejects = number, record, rejects

    def read(self, column: str, rule: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        try:
            return rule(self.record[column], *args, **kwargs)
        except Bad as bad:
            ref = self.record["household_ref"]
            self.rejects.append(Reject(self.number, ref, column, bad.zh, bad.en))
            return None


def validate_household(
    rows: list[Row], county: str | None, today: date
) -> Household | list[Reject]:
    """The household if every row passes every rule, else the rejects of all its rows."""
    rejects: list[Reject] = []
    first_number, first = rows[0]
    cells = _Cells(first_number, first, rejects)
    household = _household_cells(cells, county, today)
    _same_household_cells(rows, rejects)
    members = [_member(_Cells(n, r, rejects), today, household) for n, r in rows]
    _household_rules(rows, members, household, rejects)
    if rejects:
        return rejects + _companions(rows, rejects)
    assert household is not None
    return Household(**household, members=tuple(m for m in members if m is not None))


def _household_cells(cells: _Cells, county: str | None, today: date) -> dict[str, Any] | None:
    values = {
        "ref": cells.read("household_ref", household_ref),
        "programme": cells.read("programme", programme),
        "division_code": cells.read("division_code", division_code, county),
        "registration": cells.read("registration", registration),
        "rural_class": cells.read("rural_class", small_int, 1, 4),
        "approved_on": cells.read("approved_on", civil_date, today, not_after_today=True),
        "effective_from": cells.read("effective_from", _optional_date, today),
        "next_review_due": cells.read("next_review_due", _optional_date, today),
        "assessed_monthly_income_fen": cells.read("assessed_monthly_income_fen", fen),
        "monthly_amount_fen": cells.read("monthly_amount_fen", _optional_amount),
        "bank_account": cells.read("bank_account", bank_account),
        "bank_account_holder_resident_id": cells.read(
            "bank_account_holder_resident_id", _optional_resident_id, today
        ),
        "care_arrangement": cells.read("care_arrangement", choice, CARE_ARRANGEMENTS),
    }
    if cells.rejects:
        return None
    values["effective_from"] = values["effective_from"] or values["approved_on"]
    values["first_row"] = cells.number
    if values["care_arrangement"] and values["programme"] != "extreme_poverty":
        cells.rejects.append(_reject(cells, "care_arrangement", *_CARE_ONLY_EXTREME))
    if values["rural_class"] and values["programme"] != "rural_dibao":
        cells.rejects.append(_reject(cells, "rural_class", *_CLASS_ONLY_RURAL))
    return values


_CARE_ONLY_EXTREME = ("供养方式仅适用于特困供养", "only for extreme_poverty")
_CLASS_ONLY_RURAL = ("分类施保类别仅适用于农村低保", "only for rural_dibao")


def _reject(cells: _Cells, column: str, zh: str, en: str) -> Reject:
    return Reject(cells.number, cells.record["household_ref"], column, zh, en)


def _optional_date(text: str, today: date) -> date | None:
    return civil_date(text, today) if text else None


def _optional_amount(text: str) -> int | None:
    return fen(text, positive=True) if text else None


def _optional_resident_id(text: str, today: date) -> str | None:
    return resident_id(text, today) if text else None


def _same_household_cells(rows: list[Row], rejects: list[Reject]) -> None:
    """The household's columns must say the same on every one of its rows."""
    _, first = rows[0]
    for number, record in rows[1:]:
        for column in HOUSEHOLD_COLUMNS:
            if record[column] != first[column]:
                rejects.append(
                    Reject(
                        number,
                        record["household_ref"],
                        column,
                        "同户各行的户信息不一致",
                        "differs from the household's first row",
                    )
                )


def _member(cells: _Cells, today: date, household: dict[str, Any] | None) -> MemberRow | None:
    before = len(cells.rejects)
    values = (
        cells.read("member_resident_id", resident_id, today),
        cells.read("member_name", member_name),
        cells.read("member_relation", _relation),
        cells.read("member_disability_grade", small_int, 1, 4),
        cells.read("member_self_care", choice, SELF_CARE),
    )
    if household and household["programme"] == "extreme_poverty" and not values[4]:
        zh, en = "特困供养须填写生活自理能力", "required for extreme_poverty (full, partial, none)"
        cells.rejects.append(_reject(cells, "member_self_care", zh, en))
    if len(cells.rejects) > before:
        return None
    return MemberRow(cells.number, *values)  # type: ignore[arg-type]


def _relation(text: str) -> str:
    if required(text) not in RELATIONS:
        listed = ", ".join(sorted(RELATIONS))
        raise Bad(f"与申请人关系应为 {listed} 之一", f"one of {listed}")
    return text


def _household_rules(
    rows: list[Row],
    members: list[MemberRow | None],
    household: dict[str, Any] | None,
    rejects: list[Reject],
) -> None:
    """Exactly one applicant (`self`), no member twice, and a fixed amount within the cap."""
    ref = rows[0][1]["household_ref"]
    valid = [m for m in members if m is not None]
    if household and household["monthly_amount_fen"]:
        _check_amount_cap(rows[0][0], ref, household["monthly_amount_fen"], len(rows), rejects)
    applicants = [m for m in valid if m.relation == "self"]
    if len(valid) == len(members) and len(applicants) != 1:
        zh = f"每户须有且仅有一名申请人（self），本户有{len(applicants)}名"
        en = f"exactly one member with relation self, found {len(applicants)}"
        rejects.append(Reject(rows[0][0], ref, "member_relation", zh, en))
    seen: set[str] = set()
    for member in valid:
        if member.resident_id in seen:
            masked = mask_resident_id(member.resident_id)
            zh, en = f"同一成员重复出现（{masked}）", f"member listed twice ({masked})"
            rejects.append(Reject(member.row, ref, "member_resident_id", zh, en))
        seen.add(member.resident_id)


def _check_amount_cap(
    row: int, ref: str, amount_fen: int, members: int, rejects: list[Reject]
) -> None:
    """The old system's fixed amount is at most AMOUNT_CAP_PER_MEMBER_FEN per member."""
    cap = AMOUNT_CAP_PER_MEMBER_FEN * members
    if amount_fen > cap:
        zh = f"月发放金额超过每人每月{AMOUNT_CAP_PER_MEMBER_FEN}分×{members}人={cap}分的上限"
        en = f"above the cap of {AMOUNT_CAP_PER_MEMBER_FEN} fen a member × {members} = {cap} fen"
        rejects.append(Reject(row, ref, "monthly_amount_fen", zh, en))


def _companions(rows: list[Row], rejects: list[Reject]) -> list[Reject]:
    """The household's other rows, refused with it: nothing of a household is half imported."""
    bad_rows = {r.row for r in rejects}
    zh, en = "同户其他行有误，整户未导入", "another row of the household is invalid: not imported"
    return [
        Reject(number, record["household_ref"], "household", zh, en)
        for number, record in rows
        if number not in bad_rows
    ]
