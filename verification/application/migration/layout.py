"""The caseload file (docs/migration.md): one row per household member, CSV or XLSX.

A household's columns repeat on each of its members' rows, and its rows come together. Row
numbers are the ones a spreadsheet shows: the header is row 1, the first household row 2. The
file is read by shared.tabular, as payments' standards file is.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from shared import tabular
from shared.domain.errors import DomainError
from shared.tabular import Opener, Row, SourceFile

__all__ = ["COLUMNS", "CaseloadFileRefused", "Opener", "Row", "SourceFile", "households", "inspect"]

HOUSEHOLD_COLUMNS = (
    "household_ref",
    "programme",
    "division_code",
    "registration",
    "rural_class",
    "approved_on",
    "effective_from",
    "next_review_due",
    "assessed_monthly_income_fen",
    "monthly_amount_fen",
    "bank_account",
    "bank_account_holder_resident_id",
    "care_arrangement",
)
MEMBER_COLUMNS = (
    "member_resident_id",
    "member_name",
    "member_relation",
    "member_disability_grade",
    "member_self_care",
)
COLUMNS = HOUSEHOLD_COLUMNS + MEMBER_COLUMNS
REQUIRED_COLUMNS = (
    "household_ref",
    "programme",
    "division_code",
    "registration",
    "approved_on",
    "assessed_monthly_income_fen",
    "member_resident_id",
    "member_name",
    "member_relation",
)


class CaseloadFileRefused(DomainError):
    """The file as a whole cannot be read as a caseload (format, encoding or header)."""

    code = "caseload-file-refused"
    status = 422
    title_en = "The caseload file cannot be read"
    title_zh = "迁移文件无法读取"


CASELOAD = tabular.Layout("caseload", "迁移", COLUMNS, REQUIRED_COLUMNS, CaseloadFileRefused)


def inspect(opener: Opener) -> SourceFile:
    """Hash the file, tell its format and encoding and check its header (shared.tabular): a file
    refused here has nothing of it imported."""
    return tabular.inspect(opener, CASELOAD)


def households(opener: Opener, source: SourceFile) -> Iterator[list[Row]]:
    """The file's rows grouped by household (consecutive rows of one `household_ref`)."""
    for _, group in groupby(
        tabular.rows(opener, source, CASELOAD), key=lambda r: r[1]["household_ref"]
    ):
        yield list(group)
