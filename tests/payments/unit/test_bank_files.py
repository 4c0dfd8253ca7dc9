"""The batch disbursement file and the return file, written and read as documented (ADR 0038)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from payments.adapters.bank_files import (
    BankReturn,
    Credit,
    Disbursement,
    MalformedBankFile,
    Result,
    fen_of,
    read_disbursement,
    read_return,
    write_disbursement,
    write_return,
    yuan,
)

ON = date(2027, 3, 10)
ACCOUNT = "6228480012345678901"
TAIL = "2027-03 urban_dibao,c-{}:urban_dibao:2027-03,620133001"  # purpose, reference, division


def _credit(n: int, amount_fen: int = 60_000, name: str = "王秀英") -> Credit:
    return Credit(f"p-{n}-1", ACCOUNT, name, amount_fen, "2027-03 urban_dibao",
                  f"c-{n}:urban_dibao:2027-03", "620133001")  # fmt: skip


def _file(*credits: Credit) -> Disbursement:
    return Disbursement("620133-2027-03-R0", "620133", ON, credits)


def _returned(outcomes: list[str]) -> BankReturn:
    codes = {
        "paid": ("0000", ""), "failed": ("3001", "账户已销户"), "returned": ("3002", "户名不符")
    }  # fmt: skip
    results = tuple(
        Result(f"p-{n}-1", ACCOUNT, "王秀英", 10_000 * n, outcome, *codes[outcome])
        for n, outcome in enumerate(outcomes, 1)
    )
    return BankReturn("620133-2027-03-R0", ON, results)


@pytest.mark.req("PAY-3")
def test_a_disbursement_file_has_a_header_details_and_a_totals_trailer() -> None:
    # given two credits of 600.00 and 0.05 yuan
    content = write_disbursement(_file(_credit(1), _credit(2, 5)))
    # then the file is UTF-8 CSV with CRLF: H with count and total, D per credit, T repeating both
    assert content.decode("utf-8").split("\r\n") == [
        "H,620133-2027-03-R0,620133,社会救助资金代发,20270310,2,600.05,CNY",
        f"D,1,p-1-1,{ACCOUNT},王秀英,600.00,CNY,{TAIL.format(1)}",
        f"D,2,p-2-1,{ACCOUNT},王秀英,0.05,CNY,{TAIL.format(2)}",
        "T,2,600.05",
        "",
    ]


@pytest.mark.req("PAY-3")
def test_a_disbursement_file_reads_back_as_written() -> None:
    file = _file(_credit(1), _credit(2, 1), _credit(3, 123_456_789_01, "欧阳𠀀"))
    assert read_disbursement(write_disbursement(file)) == file


@pytest.mark.req("PAY-3")
def test_an_empty_batch_is_a_header_and_a_trailer() -> None:
    assert read_disbursement(write_disbursement(_file())) == _file()


@pytest.mark.req("PAY-3", "GEN-7")
@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","点我")', "+1+2", "-2+3", "@SUM(A1)"])
def test_a_payee_name_never_becomes_a_formula_and_reads_back_unchanged(name: str) -> None:
    file = _file(_credit(1, name=name))
    content = write_disbursement(file)
    detail = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))[1]
    assert detail[4] == "'" + name  # a spreadsheet shows it as typed, never runs it
    assert read_disbursement(content) == file


@pytest.mark.req("PAY-3")
def test_a_return_file_states_paid_and_unpaid_totals_and_reads_back() -> None:
    # given the bank paid 100.00 and 300.00, refused 200.00 and returned 400.00
    file = _returned(["paid", "failed", "paid", "returned"])
    content = write_return(file)
    lines = content.decode("utf-8").split("\r\n")
    assert lines[0] == "H,620133-2027-03-R0,4,1000.00,20270310"
    assert lines[2] == f"D,2,p-2-1,{ACCOUNT},王秀英,200.00,F,3001,账户已销户"
    assert lines[4] == f"D,4,p-4-1,{ACCOUNT},王秀英,400.00,R,3002,户名不符"
    assert lines[5] == "T,2,400.00,2,600.00"
    assert read_return(content) == file


@given(st.integers(min_value=0, max_value=10**17))
def test_fen_and_yuan_convert_exactly(fen: int) -> None:
    assert fen_of(yuan(fen)) == fen


@pytest.mark.parametrize(
    "text", ["600", "600.0", "600.000", "6e2", "-1.00", "01.00", " 1.00", "1,00", "１.00"]
)
def test_an_amount_that_is_not_yuan_with_two_decimals_is_refused(text: str) -> None:
    assert fen_of(text) is None


def _broken(content: bytes, line: int, old: str, new: str) -> bytes:
    lines = content.decode("utf-8").split("\r\n")
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return "\r\n".join(lines).encode("utf-8")


RETURN = write_return(_returned(["paid", "failed", "paid"]))


@pytest.mark.req("PAY-3", "GEN-7")
@pytest.mark.parametrize(
    ("line", "old", "new", "field"),
    [
        (1, ",3,", ",4,", "count"),  # the header counts a record that is not there
        (1, "600.00", "600.01", "total_yuan"),  # the header's total is a fen off
        (3, "200.00", "200.5", "amount_yuan"),  # not two decimals
        (3, "200.00", "210.00", "total_yuan"),  # a record changed: the header total no longer adds
        (3, ",F,", ",X,", "outcome"),
        (3, ",3001,", ",0000,", "bank_code"),  # failed with the success code
        (2, f",{ACCOUNT},", ",62284800,", "account"),
        (3, ",2,", ",5,", "seq"),
        (4, "D,3", "D,3,extra", "record"),
        (5, "T,2,", "T,3,", "paid_count"),
        (3, "p-2-1", "p-1-1", "instruction_id"),  # the same instruction answered twice
        (3, "账户已销户", "账户\x00已销户", "bank_message"),
    ],
)
def test_a_malformed_return_file_is_refused_naming_the_line_and_field(
    line: int, old: str, new: str, field: str
) -> None:
    with pytest.raises(MalformedBankFile) as refused:
        read_return(_broken(RETURN, line, old, new))
    named_line = 1 if field == "total_yuan" else line  # a changed amount breaks the header total
    assert (refused.value.line, refused.value.field) == (named_line, field)
    assert refused.value.status == 422


def test_a_file_that_is_not_utf8_is_refused_naming_the_line() -> None:
    content = RETURN.decode("utf-8").replace("账户已销户", "\x00").encode("utf-8")
    gbk = content.replace(b"\x00", "账户已销户".encode("gb18030"))
    with pytest.raises(MalformedBankFile) as refused:
        read_return(gbk)
    assert (refused.value.line, refused.value.field) == (3, "encoding")


def test_a_file_saved_by_a_spreadsheet_with_a_byte_order_mark_still_reads() -> None:
    assert read_return(b"\xef\xbb\xbf" + RETURN) == read_return(RETURN)


@pytest.mark.parametrize("content", [b"", b"H,x\r\n", b"D,1\r\nT,0,0.00\r\n"])
def test_a_file_without_header_and_trailer_is_refused(content: bytes) -> None:
    with pytest.raises(MalformedBankFile) as refused:
        read_return(content)
    assert refused.value.field == "record"


@pytest.mark.req("PAY-3", "GEN-8")
def test_a_line_csv_cannot_read_is_refused_naming_it_not_a_server_error() -> None:
    """A field past csv's 128 KiB limit on the third line."""
    with pytest.raises(MalformedBankFile) as refused:
        read_return(_broken(RETURN, 3, "账户已销户", "账" * 200_000))
    assert (refused.value.line, refused.value.field) == (3, "record")
    assert refused.value.status == 422
