"""The bank's batch disbursement files (批量代发文件) and their return files (回盘文件), written and
read exactly as docs/events/payments/bank-file.md lays them out (ADR 0038).

Both are UTF-8 CSV (RFC 4180, CRLF): a header record `H`, one detail record `D` per credit and a
trailer record `T` repeating the totals. Amounts are yuan with two decimals, converted from and to
integer fen exactly. Reading checks every line and names the first bad one (line and field):
nothing of a file is used unless all of it is sound. Pure functions, no I/O.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from shared.domain.errors import DomainError
from shared.exports import FORMULA_TRIGGERS, spreadsheet_safe

CURRENCY = "CNY"
BUSINESS_TYPE = "社会救助资金代发"
SUCCESS_CODE = "0000"
OUTCOMES = {"S": "paid", "F": "failed", "R": "returned"}  # 处理结果: 成功 / 失败 / 退票
_YUAN = re.compile(r"(0|[1-9][0-9]{0,15})\.([0-9]{2})")
_COUNT = re.compile(r"0|[1-9][0-9]{0,8}")
_ACCOUNT = re.compile(r"[0-9]{12,30}")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # tab, LF, CR are text

DISBURSEMENT_HEADER = (
    "record",
    "batch_no",
    "payer",
    "business_type",
    "file_date",
    "count",
    "total_yuan",
    "currency",
)
DISBURSEMENT_DETAIL = (
    "record",
    "seq",
    "instruction_id",
    "account",
    "name",
    "amount_yuan",
    "currency",
    "purpose",
    "reference",
    "division_code",
)
RETURN_HEADER = ("record", "batch_no", "count", "total_yuan", "return_date")
RETURN_DETAIL = (
    "record",
    "seq",
    "instruction_id",
    "account",
    "name",
    "amount_yuan",
    "outcome",
    "bank_code",
    "bank_message",
)
RETURN_TRAILER = ("record", "paid_count", "paid_yuan", "unpaid_count", "unpaid_yuan")
TOTALS_TRAILER = ("record", "count", "total_yuan")


class MalformedBankFile(DomainError):
    """A bank file or return file that breaks its documented layout: the line and field named."""

    code = "malformed-bank-file"
    status = 422
    title_en = "The bank file breaks its documented layout"
    title_zh = "银行文件格式不符合约定"

    def __init__(self, line: int, field: str, detail_en: str, detail_zh: str) -> None:
        super().__init__(
            f"line {line}, {field}: {detail_en}",
            f"第{line}行 {field}：{detail_zh}",
            line=line,
            field=field,
        )
        self.line, self.field = line, field


@dataclass(frozen=True)
class Credit:
    """One detail record of a disbursement file: a credit to make (代发明细)."""

    instruction_id: str  # 流水号: the bank executes each at most once
    account: str
    name: str
    amount_fen: int
    purpose: str  # 用途, e.g. `2027-03 urban_dibao`
    reference: str  # 业务参考号: the payment's business key
    division_code: str


@dataclass(frozen=True)
class Disbursement:
    """A batch disbursement file (批量代发文件): one batch of credits from one payer."""

    batch_no: str
    payer: str  # the paying county's division code
    file_date: date
    credits: tuple[Credit, ...]

    @property
    def total_fen(self) -> int:
        """The sum of the credits."""
        return sum(c.amount_fen for c in self.credits)


@dataclass(frozen=True)
class Result:
    """One detail record of a return file: the bank's result for one credit (回盘明细)."""

    instruction_id: str
    account: str
    name: str
    amount_fen: int
    outcome: str  # paid | failed | returned
    bank_code: str  # the bank's reason code (`0000` when paid)
    bank_message: str


@dataclass(frozen=True)
class BankReturn:
    """A return file (回盘文件): the bank's result for every credit of a batch."""

    batch_no: str
    return_date: date
    results: tuple[Result, ...]

    def total_fen(self, *outcomes: str) -> int:
        """The sum of the results with these outcomes (all when none named)."""
        return sum(r.amount_fen for r in self.results if not outcomes or r.outcome in outcomes)

    def count(self, *outcomes: str) -> int:
        """How many results have these outcomes (all when none named)."""
        return sum(1 for r in self.results if not outcomes or r.outcome in outcomes)


def yuan(fen: int) -> str:
    """Fen as a yuan amount with two decimals, exactly (no floats)."""
    return f"{fen // 100}.{fen % 100:02d}"


def write_disbursement(file: Disbursement) -> bytes:
    """The disbursement file's bytes."""
    rows: list[Sequence[object]] = [
        (
            "H",
            file.batch_no,
            file.payer,
            BUSINESS_TYPE,
            file.file_date.strftime("%Y%m%d"),
            len(file.credits),
            yuan(file.total_fen),
            CURRENCY,
        ),
        *(
            (
                "D",
                seq,
                c.instruction_id,
                c.account,
                c.name,
                yuan(c.amount_fen),
                CURRENCY,
                c.purpose,
                c.reference,
                c.division_code,
            )
            for seq, c in enumerate(file.credits, 1)
        ),
        ("T", len(file.credits), yuan(file.total_fen)),
    ]
    return _csv(rows)


def write_return(file: BankReturn) -> bytes:
    """The return file's bytes."""
    codes = {outcome: code for code, outcome in OUTCOMES.items()}
    unpaid = ("failed", "returned")
    rows: list[Sequence[object]] = [
        (
            "H",
            file.batch_no,
            file.count(),
            yuan(file.total_fen()),
            file.return_date.strftime("%Y%m%d"),
        ),
        *(
            (
                "D",
                seq,
                r.instruction_id,
                r.account,
                r.name,
                yuan(r.amount_fen),
                codes[r.outcome],
                r.bank_code,
                r.bank_message,
            )
            for seq, r in enumerate(file.results, 1)
        ),
        (
            "T",
            file.count("paid"),
            yuan(file.total_fen("paid")),
            file.count(*unpaid),
            yuan(file.total_fen(*unpaid)),
        ),
    ]
    return _csv(rows)


def read_disbursement(data: bytes) -> Disbursement:
    """A disbursement file, checked line by line and against its totals."""
    lines = _lines(data, DISBURSEMENT_HEADER, DISBURSEMENT_DETAIL, TOTALS_TRAILER)
    header, details, trailer = lines[0], lines[1:-1], lines[-1]
    credits = tuple(_credit(row) for row in details)
    _check_totals(header, ("count", "total_yuan"), [c.amount_fen for c in credits])
    _check_totals(trailer, ("count", "total_yuan"), [c.amount_fen for c in credits])
    _check_unique(details, [c.instruction_id for c in credits])
    return Disbursement(
        header.text("batch_no"), header.text("payer"), header.day("file_date"), credits
    )


def read_return(data: bytes) -> BankReturn:
    """A return file, checked line by line and against its totals."""
    lines = _lines(data, RETURN_HEADER, RETURN_DETAIL, RETURN_TRAILER)
    header, details, trailer = lines[0], lines[1:-1], lines[-1]
    results = tuple(_result(row) for row in details)
    _check_totals(header, ("count", "total_yuan"), [r.amount_fen for r in results])
    paid = [r.amount_fen for r in results if r.outcome == "paid"]
    unpaid = [r.amount_fen for r in results if r.outcome != "paid"]
    _check_totals(trailer, ("paid_count", "paid_yuan"), paid)
    _check_totals(trailer, ("unpaid_count", "unpaid_yuan"), unpaid)
    _check_unique(details, [r.instruction_id for r in results])
    return BankReturn(header.text("batch_no"), header.day("return_date"), results)


def fen_of(text: str) -> int | None:
    """A yuan amount with exactly two decimals as integer fen; None when not one."""
    match = _YUAN.fullmatch(text)
    return None if match is None else int(match.group(1)) * 100 + int(match.group(2))


@dataclass(frozen=True)
class _Line:
    """One record of a file: its line number and its cells by field name."""

    number: int
    cells: dict[str, str]

    def text(self, field: str) -> str:
        value = self.cells[field]
        if not value:
            raise MalformedBankFile(self.number, field, "is empty", "不能为空")
        return value

    def fen(self, field: str) -> int:
        fen = fen_of(self.cells[field])
        if fen is None:
            raise MalformedBankFile(
                self.number,
                field,
                "is not yuan with two decimals (e.g. 600.00)",
                "须为保留两位小数的元金额（如 600.00）",
            )
        return fen

    def count(self, field: str) -> int:
        if not _COUNT.fullmatch(self.cells[field]):
            raise MalformedBankFile(self.number, field, "is not a count", "须为非负整数")
        return int(self.cells[field])

    def day(self, field: str) -> date:
        try:
            return datetime.strptime(self.cells[field], "%Y%m%d").date()
        except ValueError:
            raise MalformedBankFile(
                self.number, field, "is not a date YYYYMMDD", "须为 YYYYMMDD 格式的日期"
            ) from None

    def account(self, field: str) -> str:
        if not _ACCOUNT.fullmatch(self.cells[field]):
            raise MalformedBankFile(
                self.number, field, "is not an account number of 12-30 digits", "须为12至30位数字"
            )
        return self.cells[field]


def _credit(row: _Line) -> Credit:
    if row.cells["currency"] != CURRENCY:
        raise MalformedBankFile(row.number, "currency", "must be CNY", "币种须为 CNY")
    return Credit(
        row.text("instruction_id"),
        row.account("account"),
        row.text("name"),
        _positive(row, "amount_yuan"),
        row.cells["purpose"],
        row.text("reference"),
        row.text("division_code"),
    )


def _result(row: _Line) -> Result:
    outcome = OUTCOMES.get(row.cells["outcome"])
    if outcome is None:
        raise MalformedBankFile(row.number, "outcome", "must be S, F or R", "须为 S、F 或 R")
    code = row.text("bank_code")
    if (outcome == "paid") != (code == SUCCESS_CODE):
        raise MalformedBankFile(
            row.number,
            "bank_code",
            f"is {SUCCESS_CODE} exactly when the outcome is S",
            f"处理结果为 S 时返回码须为 {SUCCESS_CODE}，否则不得为 {SUCCESS_CODE}",
        )
    return Result(
        row.text("instruction_id"),
        row.account("account"),
        row.cells["name"],
        _positive(row, "amount_yuan"),
        outcome,
        code,
        row.cells["bank_message"],
    )


def _positive(row: _Line, field: str) -> int:
    fen = row.fen(field)
    if fen <= 0:
        raise MalformedBankFile(row.number, field, "must be above 0.00", "须大于 0.00")
    return fen


def _check_totals(row: _Line, fields: tuple[str, str], amounts: list[int]) -> None:
    count_field, total_field = fields
    if row.count(count_field) != len(amounts):
        raise MalformedBankFile(
            row.number,
            count_field,
            f"says {row.cells[count_field]}, the file has {len(amounts)}",
            f"声明{row.cells[count_field]}笔，文件实有{len(amounts)}笔",
        )
    if row.fen(total_field) != sum(amounts):
        raise MalformedBankFile(
            row.number,
            total_field,
            f"says {row.cells[total_field]}, the records add up to {yuan(sum(amounts))}",
            f"声明{row.cells[total_field]}元，明细合计{yuan(sum(amounts))}元",
        )


def _check_unique(details: list[_Line], instruction_ids: list[str]) -> None:
    seen: set[str] = set()
    for row, instruction_id in zip(details, instruction_ids, strict=True):
        if instruction_id in seen:
            raise MalformedBankFile(
                row.number, "instruction_id", "appears twice in the file", "在文件中重复出现"
            )
        seen.add(instruction_id)


def _lines(
    data: bytes, header: tuple[str, ...], detail: tuple[str, ...], trailer: tuple[str, ...]
) -> list[_Line]:
    """Every record, shaped by its type: one H first, D records, one T last."""
    rows = _rows(data)
    while rows and not rows[-1]:
        rows.pop()  # a blank last line is only the final line end
    if len(rows) < 2:
        raise MalformedBankFile(
            len(rows) + 1,
            "record",
            "a file is a header H, details D and a trailer T",
            "文件须由首记录 H、明细记录 D 和尾记录 T 组成",
        )
    last = len(rows)
    shapes = [header if n == 1 else trailer if n == last else detail for n in range(1, last + 1)]
    letters = ["H" if n == 1 else "T" if n == last else "D" for n in range(1, last + 1)]
    lines = [
        _line(n, row, shape, letter)
        for n, (row, shape, letter) in enumerate(zip(rows, shapes, letters, strict=True), 1)
    ]
    for line in lines[1:-1]:
        if line.count("seq") != line.number - 1:
            raise MalformedBankFile(
                line.number, "seq", f"must be {line.number - 1}", f"序号须为{line.number - 1}"
            )
    return lines


def _rows(data: bytes) -> list[list[str]]:
    """The file's CSV records; a line csv cannot read (a field past its 128 KiB limit, a stray
    quote) is malformed, not a server error."""
    reader = csv.reader(io.StringIO(_decoded(data), newline=""))
    try:
        return list(reader)
    except csv.Error as error:
        raise MalformedBankFile(
            reader.line_num, "record", f"is not CSV: {error}", f"不是有效的 CSV：{error}"
        ) from None


def _line(number: int, row: list[str], shape: tuple[str, ...], record: str) -> _Line:
    if not row or row[0] != record:
        raise MalformedBankFile(
            number, "record", f"must be a {record} record", f"此行须为 {record} 记录"
        )
    if len(row) != len(shape):
        raise MalformedBankFile(
            number,
            "record",
            f"has {len(row)} fields, a {record} record has {len(shape)}",
            f"有{len(row)}个字段，{record} 记录应有{len(shape)}个",
        )
    for field, cell in zip(shape, row, strict=True):
        if _CONTROL.search(cell):
            raise MalformedBankFile(number, field, "holds a control character", "含有控制字符")
    return _Line(number, {f: _unescaped(c) for f, c in zip(shape, row, strict=True)})


def _decoded(data: bytes) -> str:
    """UTF-8, with or without the byte-order mark a spreadsheet adds when saving."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise MalformedBankFile(line, "encoding", "is not UTF-8", "不是 UTF-8 编码") from None


def _unescaped(cell: str) -> str:
    """A text cell written as `'=…` (spreadsheet-safe) reads back as `=…`."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_TRIGGERS):
        return cell[1:]
    return cell


def _csv(rows: Iterable[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(spreadsheet_safe(cell) for cell in row)
    return out.getvalue().encode("utf-8")
