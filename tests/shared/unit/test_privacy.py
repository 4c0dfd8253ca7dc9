"""Masking of personal data in outputs and logs (PIPL)."""

from __future__ import annotations

import json
import logging

import pytest

from shared.logging import JsonFormatter, configure_logging, correlation_id_var
from shared.privacy import (
    PROTECTED,
    file_view,
    mask_bank_account,
    mask_name,
    mask_phone,
    mask_resident_id,
    scrub,
)

pytestmark = pytest.mark.req("GEN-7")

RESIDENT_ID = "11010519491231002X"
ACCOUNT = "6222021234567890123"
PHONE = "13812345678"


def test_each_mask_keeps_only_what_identifies_nobody() -> None:
    assert mask_resident_id(RESIDENT_ID) == "110***********002X"
    assert mask_bank_account(ACCOUNT) == "***************0123"
    assert mask_phone(PHONE) == "138****5678"
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳娜娜") == "欧***"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"申请人身份证号{RESIDENT_ID}，请核实", "申请人身份证号110***********002X，请核实"),
        ("id=11010519491231002x;", "id=110***********002x;"),
        (f"银行卡号{ACCOUNT}已登记", "银行卡号***************0123已登记"),
        ("card 6222021234567890 end", "card ************7890 end"),
        ("card 6222 0212 3456 7890 123 end", "card ***************0123 end"),
        (f"联系电话{PHONE}。", "联系电话138****5678。"),
        ("tel +86 138 1234 5678", "tel 138****5678"),
    ],
)
def test_scrub_masks_ids_accounts_and_phones_in_free_text(text: str, expected: str) -> None:
    assert scrub(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "case 550e8400-e29b-41d4-a716-446655440000 at 2024-01-01T08:00:00+08:00",
        "amount 123456 fen, division 620102001002",
        "order 12345678901 (not a mobile prefix)",
        # UUIDs whose digits look like a card or a mobile number: identifiers, kept whole
        "case application-455d2afe-0002-4282-9016-26174ef194d5 opened",
        "correlation 7582aac8-956e-4877-8a29-15221774124b",
    ],
)
def test_scrub_leaves_ordinary_numbers_alone(text: str) -> None:
    assert scrub(text) == text


def _record(message: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord("test", logging.INFO, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return record


def test_a_log_line_is_json_with_masked_message_and_fields() -> None:
    # given a correlation id in context and a record carrying personal data
    token = correlation_id_var.set("corr-1")
    try:
        record = _record(
            "applicant %s",
            RESIDENT_ID,
            account=ACCOUNT,
            contact={"phone": PHONE},
            mobile=13812345678,
        )
        # when it is formatted
        line = json.loads(JsonFormatter("intake").format(record))
    finally:
        correlation_id_var.reset(token)
    # then it is one JSON object with the context and every personal datum masked
    assert line["service"] == "intake"
    assert line["level"] == "INFO"
    assert line["correlation_id"] == "corr-1"
    assert line["message"] == "applicant 110***********002X"
    assert line["account"] == "***************0123"
    assert line["contact"] == {"phone": "138****5678"}
    assert line["mobile"] == "138****5678"
    assert line["ts"].endswith("+00:00")


def test_configure_logging_writes_json_lines_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        configure_logging("payments", "debug")
        logging.getLogger("payments.test").warning("paid to %s", ACCOUNT)
        err = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
    line = json.loads(err)
    assert line["message"] == "paid to ***************0123"
    assert ACCOUNT not in err


@pytest.mark.req("GEN-7", "SUP-1")
def test_a_file_export_masks_by_the_public_views_rules_and_marks_what_none_may_see() -> None:
    # given a child's care visit and payment as the services recorded them
    data = {
        "child_resident_id": "620104201501010013",
        "guardian": {"name": "杨建国", "phone": "13912345678"},
        "payee_name": "杨建国",
        "bank_account": "6228480012345678901",
        "notes": "孩子患有先天性心脏病，监护人长期在外务工",
        "disability_kind": "intellectual",
        "health": None,
        "programme": "orphan_allowance",
    }
    # when it is viewed for an inspector's export
    view = file_view(data)
    # then IDs, names, phones and accounts are masked, and notes and disability are protected
    assert view["child_resident_id"] == "620***********0013"
    assert view["guardian"] == {"name": "杨**", "phone": "139****5678"}
    assert view["payee_name"] == "杨**" and view["bank_account"].endswith("8901")
    assert view["notes"] == view["disability_kind"] == PROTECTED
    assert view["health"] is None and view["programme"] == "orphan_allowance"
