"""A county migrates its caseload through the API, and payments enrols the migrated households
as it enrols any approval, so the next run pays them (issue #18, ADR 0037); public APIs only."""

from __future__ import annotations

import csv
import io
import re
from typing import BinaryIO, cast

import httpx

from clients.payments.api.beneficiaries import list_beneficiaries
from clients.payments.api.standards import set_standard
from clients.verification.api.cases import get_case_programme
from clients.verification.api.migration import get_caseload_migration, import_caseload
from clients.verification.types import File
from tests.e2e.flows import Answer, Clerk, County
from tests.e2e.services import RunningServices
from tests.support import eventually
from verification.application.migration.layout import COLUMNS

# 两当县. The brief named 620132, which is no county of the division table (tokens for it cannot
# be minted); this module keeps to 两当县 instead, and to its own cases.
LIANGDANG = County("621228")
STANDARD_FEN = 70_000
FIXED_FEN = 45_000
RESIDENT_ID = re.compile(r"\d{17}[\dX]")


def caseload(stack: RunningServices) -> tuple[bytes, str]:
    """Three households: urban dibao by rule (2 members), rural dibao at the old system's fixed
    amount, and one whose second member's resident ID is wrong; and that bad ID."""
    approved, since = stack.day(-400), stack.day(-395)
    township = LIANGDANG.township
    good_id, bad_id = LIANGDANG.resident(283), LIANGDANG.resident(284)
    bad_id = bad_id[:-1] + ("1" if bad_id[-1] != "1" else "2")
    urban = {
        "household_ref": "LD-2025-0001",
        "programme": "urban_dibao",
        "registration": "urban",
        "approved_on": approved,
        "effective_from": since,
        "division_code": township,
        "assessed_monthly_income_fen": "20000",
        "bank_account": "6228480012345612281",
    }
    rural = {
        "household_ref": "LD-2025-0002",
        "programme": "rural_dibao",
        "registration": "rural",
        "rural_class": "2",
        "approved_on": approved,
        "division_code": LIANGDANG.village,
        "assessed_monthly_income_fen": "0",
        "monthly_amount_fen": str(FIXED_FEN),
        "bank_account": "6228480012345612282",
    }
    broken = {**urban, "household_ref": "LD-2025-0003", "bank_account": "6228480012345612283"}
    rows = [
        {**urban, "member_resident_id": LIANGDANG.resident(281), "member_name": "王秀兰",
         "member_relation": "self"},
        {**urban, "member_resident_id": LIANGDANG.resident(282), "member_name": "李小军",
         "member_relation": "child"},
        {**rural, "member_resident_id": good_id, "member_name": "赵德明",
         "member_relation": "self"},
        {**broken, "member_resident_id": LIANGDANG.resident(285), "member_name": "周玉梅",
         "member_relation": "self"},
        {**broken, "member_resident_id": bad_id, "member_name": "吴春花",
         "member_relation": "spouse"},
    ]  # fmt: skip
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8"), bad_id


async def upload(officer: Clerk, content: bytes) -> Answer:
    """The caseload file uploaded through the generated client, as its bytes (httpx's async
    client refuses a file object: openapi-python-client issue #1239). The service reads the
    file's format from its content, so either documented media type label will do."""
    upload = File(payload=cast(BinaryIO, content), file_name="两当县低保名册.csv")
    return await officer.call(import_caseload, body=upload, file_name="两当县低保名册.csv")


async def test_a_migrated_caseload_is_enrolled_for_payment_and_its_bad_rows_reported(
    stack: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=60) as client:
        await stack.wait_until_healthy(client)
        officer = Clerk(stack, client, "verification", "county_officer", LIANGDANG.code)
        payments = Clerk(stack, client, "payments", "county_officer", LIANGDANG.code)
        # given the county's urban dibao standard of 700 yuan a person
        standard = await payments.call(set_standard, body={
            "division_code": LIANGDANG.code, "programme": "urban_dibao",
            "effective_from": stack.day(-800), "monthly_per_person_fen": STANDARD_FEN,
            "reason": "县民政局、财政局联合发文"})  # fmt: skip
        assert standard.status_code == 201, standard.text
        content, bad_id = caseload(stack)

        # when the county officer uploads the old system's caseload
        imported = await upload(officer, content)

        # then the two good households are imported and the bad one refused, by row and field
        assert imported.status_code == 201, imported.text
        migration = imported.json()
        assert (migration["households_imported"], migration["households_rejected"]) == (2, 1)
        cells = {(r["row"], r["field"]) for r in migration["rejects"]}
        assert cells == {(6, "member_resident_id"), (5, "household")}
        assert bad_id not in imported.text and not RESIDENT_ID.search(str(migration["rejects"]))
        followed = await officer.call(
            get_caseload_migration, migration_id=migration["migration_id"]
        )
        assert followed.json()["status"] == "completed"

        # and the same file again imports nothing twice
        again = await upload(officer, content)
        assert again.status_code == 200, again.text
        assert again.json()["migration_id"] == migration["migration_id"]
        assert again.json()["households_imported"] == 2

        # and payments enrols both migrated households for the next run
        await eventually(lambda: _enrolled(payments, 2), timeout=60, message="not enrolled")
        roll = await payments.call(list_beneficiaries, division_code=LIANGDANG.code)
        beneficiaries = {b["programme"]: b for b in roll.json()["items"]}
        urban, rural = beneficiaries["urban_dibao"], beneficiaries["rural_dibao"]
        assert urban["status"] == rural["status"] == "active"
        assert urban["monthly_amount_fen"] == 2 * STANDARD_FEN - 20_000
        assert urban["effective_from"] == stack.day(-395)
        assert rural["monthly_amount_fen"] == FIXED_FEN
        assert rural["bank_account_masked"].endswith("2282")
        # and verification holds them as approved cases
        case = await officer.call(
            get_case_programme, case_id=urban["case_id"], programme="urban_dibao"
        )
        assert case.json()["stage"] == "approved", case.text

        # and a later file naming a member who holds urban dibao already is refused that household
        again_held = await upload(officer, second_caseload(stack))
        assert again_held.status_code == 201, again_held.text
        second = again_held.json()
        assert (second["households_imported"], second["households_rejected"]) == (0, 1)
        assert {(r["row"], r["field"]) for r in second["rejects"]} == {(3, "member_resident_id")}
        assert not RESIDENT_ID.search(again_held.text)

        # and a household whose rows are not together is not imported, neither part of it
        split = await upload(officer, split_caseload(stack))
        assert split.status_code == 201, split.text
        parts = split.json()
        assert (parts["households_imported"], parts["households_rejected"]) == (1, 2)
        assert {(r["row"], r["field"]) for r in parts["rejects"]} == {
            (2, "household_ref"), (4, "household_ref"),
        }  # fmt: skip


def second_caseload(stack: RunningServices) -> bytes:
    """One urban dibao household of two whose second member heads the first file's household."""
    household = {
        "household_ref": "LD-2025-0009", "programme": "urban_dibao", "registration": "urban",
        "approved_on": stack.day(-200), "division_code": LIANGDANG.township,
        "assessed_monthly_income_fen": "10000", "bank_account": "6228480012345612289",
    }  # fmt: skip
    rows = [
        {**household, "member_resident_id": LIANGDANG.resident(286), "member_name": "孙桂香",
         "member_relation": "self"},
        {**household, "member_resident_id": LIANGDANG.resident(281), "member_name": "王秀兰",
         "member_relation": "spouse"},
    ]  # fmt: skip
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


async def _enrolled(payments: Clerk, count: int) -> bool:
    answer = await payments.call(list_beneficiaries, division_code=LIANGDANG.code)
    return answer.status_code == 200 and len(answer.json()["items"]) >= count


def split_caseload(stack: RunningServices) -> bytes:
    """A couple whose two rows have another household's row between them."""
    household = {
        "programme": "rural_dibao", "registration": "rural", "rural_class": "3",
        "approved_on": stack.day(-100), "division_code": LIANGDANG.village,
        "assessed_monthly_income_fen": "0", "bank_account": "6228480012345612290",
    }  # fmt: skip
    couple, single = (
        {**household, "household_ref": "LD-2025-0010"},
        {**household, "household_ref": "LD-2025-0011", "bank_account": "6228480012345612291"},
    )
    rows = [
        {**couple, "member_resident_id": LIANGDANG.resident(290), "member_name": "郑玉英",
         "member_relation": "self"},
        {**single, "member_resident_id": LIANGDANG.resident(292), "member_name": "冯建华",
         "member_relation": "self"},
        {**couple, "member_resident_id": LIANGDANG.resident(291), "member_name": "陈有福",
         "member_relation": "spouse"},
    ]  # fmt: skip
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, restval="")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")
