"""SUP-10 centralised care and SUP-11 implementation reports and money on time, in-process."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from shared.clock import CHINA, current_period, today
from shared.identity import check_char
from tests.supervision.integration.conftest import Supervision
from tests.support import first_day, months_from

A, B = "620102", "620103"  # 城关区, 七里河区


def _rid(seq: str) -> str:
    first17 = f"62010219500101{seq}"
    return first17 + check_char(first17)


def _approval(case: str, county: str, members: list[tuple[str, str, str | None]],
              day: date, care: str | None = None,
              programme: str = "extreme_poverty") -> dict[str, Any]:  # fmt: skip
    """verification.CaseApproved as verification publishes it (docs/events/verification)."""
    data: dict[str, Any] = {
        "case_id": case, "programme": programme, "division_code": f"{county}001001",
        "county_code": county, "registration": "rural", "household_size": len(members),
        "members": [{"resident_id": r, "name": n, "relation": "self" if i == 0 else "spouse",
                     "self_care": sc} for i, (r, n, sc) in enumerate(members)],
        "assessed_monthly_income_fen": 0, "approved_monthly_amount_fen": 0, "rural_class": None,
        "effective_from": day.isoformat(), "next_review_due": (day + timedelta(365)).isoformat(),
        "bank_account": None, "amount_basis": "rule",
    }  # fmt: skip
    if care is not None:
        data["care_arrangement"] = care
    return data


def _at(s: Supervision, day: date) -> None:
    s.clock.set(datetime.combine(day, time(9), tzinfo=CHINA))


async def _plant_care(s: Supervision) -> tuple[date, dict[str, str]]:
    """Last month: two (semi-)disabled persons of 城关区 scattered; this month more approvals."""
    now = s.clock.now()
    day = today(s.clock)
    ids = {k: _rid(f"{n:03d}") for n, k in enumerate(["a1", "b1", "b2", "c1", "d1", "e1", "f1"])}
    _at(s, date.fromisoformat(first_day(months_from(current_period(s.clock), -1))) + timedelta(9))
    last = today(s.clock)
    await s.copy_in(
        "verification",
        "case-a",
        "verification.CaseApproved",
        _approval("case-a", A, [(ids["a1"], "张三", "none")], last, "scattered"),
    )
    await s.copy_in(
        "verification",
        "case-e",
        "verification.CaseApproved",
        _approval("case-e", A, [(ids["e1"], "李四", "partial")], last, "scattered"),
    )
    s.clock.set(now)
    await s.copy_in(
        "verification",
        "case-e",
        "verification.BenefitTerminated",
        {
            "case_id": "case-e",
            "programme": "extreme_poverty",
            "effective_from": day.isoformat(),
            "reason": "入住养老机构前终止",
        },
    )
    await s.copy_in(
        "verification",
        "case-b",
        "verification.CaseApproved",
        _approval(
            "case-b",
            A,
            [(ids["b1"], "王五", "partial"), (ids["b2"], "赵六", "full")],
            day,
            "centralised",
        ),
    )
    # an approval without the arrangement: the care requested at the one door stands for it
    await s.copy_in(
        "intake",
        "case-c",
        "intake.ProgrammeRouted",
        {
            "application_id": "case-c",
            "programme": "extreme_poverty",
            "agency": "county_civil_affairs",
            "division_code": f"{B}001001",
            "competent_division": B,
            "details": {"care": "centralised"},
        },
    )
    await s.copy_in(
        "verification",
        "case-c",
        "verification.CaseApproved",
        _approval("case-c", B, [(ids["c1"], "钱七", "none")], day),
    )
    await s.copy_in(
        "verification",
        "case-d",
        "verification.CaseApproved",
        _approval("case-d", B, [(ids["d1"], "孙八", "partial")], day),
    )
    await s.copy_in("verification", "case-f", "verification.CaseApproved",
                    _approval("case-f", A, [(ids["f1"], "周九", "none")], day,
                              programme="rural_dibao"))  # fmt: skip
    return last, ids


@pytest.mark.req("SUP-10")
async def test_centralised_care_share_target_trend_and_those_still_dispersed(
    supervision: Supervision,
) -> None:
    # given (semi-)disabled extreme-poverty persons approved last month and this month
    last, ids = await _plant_care(supervision)
    province = supervision.headers("province_officer", "62")
    async with supervision.client() as client:
        # when the province reads the report
        report = await client.get("/v1/reports/centralised-care", params={"months": 2},
                                  headers=province)  # fmt: skip
        # and a county officer asks for another county
        foreign = await client.get("/v1/reports/centralised-care", params={"county": A},
                                   headers=supervision.headers("county_officer", B))  # fmt: skip
        csv = await client.get("/v1/reports/centralised-care",
                               params={"county": A, "format": "csv"},
                               headers=supervision.headers("county_officer", A))  # fmt: skip
    assert report.status_code == 200, report.text
    body = report.json()
    rows = {r["county_code"]: r for r in body["rows"]}
    # then 城关区 has 2 counted (王五 centralised, 张三 scattered; 李四 terminated, the rural
    # dibao member and the self-caring spouse not counted): half, meeting the default 50 %
    assert (rows[A]["disabled"], rows[A]["centralised"], rows[A]["scattered"]) == (2, 1, 1)
    assert rows[A]["share"] == 0.5 and rows[A]["meets_target"] is True
    # and 七里河区 counts the one-door request for 钱七, and 孙八's arrangement as unknown
    assert (rows[B]["centralised"], rows[B]["unknown"]) == (1, 1)
    assert body["target"] == {"value": 0.5, "policy_version": 0}
    # and last month 城关区 had nobody of its two in centralised care
    trend = {t["period"]: t for t in body["trend"]}
    assert trend[current_period(supervision.clock)]["share"] == 0.5
    assert trend[f"{last:%Y-%m}"]["by_county"] == {A: 0.0}
    # and the still dispersed are listed masked
    listed = {(p["case_id"], p["arrangement"]) for p in body["still_dispersed"]}
    assert listed == {("case-a", "scattered"), ("case-d", "unknown")}
    assert ids["a1"] not in report.text and "张*" in report.text
    assert foreign.status_code == 403
    assert csv.status_code == 200 and csv.text.startswith("\ufeff县级区划 county_code")
    assert f"{A},2,1,1,0,0.5,0.5,True" in csv.text


@pytest.mark.req("SUP-10")
async def test_the_province_sets_the_target_with_a_reason_as_an_event(
    supervision: Supervision,
) -> None:
    await _plant_care(supervision)
    day = today(supervision.clock)
    body = {"value": "0.6", "effective_from": day.isoformat(), "reason": "省厅提高集中供养目标"}
    async with supervision.client() as client:
        county = await client.put("/v1/policy/centralised_care_target", json=body,
                                  headers={**supervision.headers("county_officer", A),
                                           "If-Match": '"0"'})  # fmt: skip
        unconditional = await client.put(
            "/v1/policy/centralised_care_target",
            json=body,
            headers=supervision.headers("province_officer", "62"),
        )
        put = await client.put("/v1/policy/centralised_care_target", json=body,
                               headers={**supervision.headers("province_officer", "62"),
                                        "If-Match": '"0"'})  # fmt: skip
        policy = await client.get("/v1/policy", headers=supervision.headers("inspector", "62"))
        report = await client.get("/v1/reports/centralised-care", params={"county": A},
                                  headers=supervision.headers("city_officer", "6201"))  # fmt: skip
    assert county.status_code == 403 and unconditional.status_code == 428
    assert put.status_code == 200, put.text
    assert put.json()["reason"] == "省厅提高集中供养目标" and put.headers["ETag"] == '"1"'
    target = next(p for p in policy.json()["policies"] if p["name"] == "centralised_care_target")
    assert (target["value"], target["source"], target["version"]) == ("0.6", "province", 1)
    row = report.json()["rows"][0]
    assert (row["county_code"], row["target"], row["meets_target"]) == (A, 0.6, False)


async def _file(s: Supervision, client: httpx.AsyncClient, county: str, period: str,
                version: int = 0) -> httpx.Response:  # fmt: skip
    headers = {**s.headers("county_officer", county), "If-Match": f'"{version}"'}
    body = {"county_code": county, "period": period, "document_ref": f"{county}民发〔1〕号",
            "summary": "已落实提标、集中供养和资金监管"}  # fmt: skip
    return await client.post("/v1/implementation-reports", json=body, headers=headers)


@pytest.mark.req("SUP-11")
async def test_counties_file_implementation_reports_and_late_ones_show(
    supervision: Supervision,
) -> None:
    # given the first half of this year, due 15 days after 30 June (defaults)
    now, year = supervision.clock.now(), today(supervision.clock).year
    half, due = f"{year}-H1", date(year, 6, 30) + timedelta(days=15)
    async with supervision.client() as client:
        # when 城关区 files before the due day and 七里河区 only today, after it
        _at(supervision, due - timedelta(days=5))
        on_time = await _file(supervision, client, A, half)
        supervision.clock.set(now)
        late = await _file(supervision, client, B, half)
        stale = await _file(supervision, client, A, half, version=0)
        yearly = await _file(supervision, client, A, str(year))
        no_if_match = await client.post(
            "/v1/implementation-reports",
            json={"county_code": A, "period": half, "document_ref": "x", "summary": "x"},
            headers=supervision.headers("county_officer", A),
        )
        ledger = await client.get(
            "/v1/implementation-reports",
            params={"period": half},
            headers=supervision.headers("province_officer", "62"),
        )
        second_half = await client.get(
            "/v1/implementation-reports",
            params={"period": f"{year}-H2"},
            headers=supervision.headers("city_officer", "6201"),
        )
    assert on_time.status_code == 200, on_time.text
    assert on_time.json()["reports"][0]["late"] is False
    assert late.json()["reports"][0]["late"] is True
    assert stale.status_code == 412 and no_if_match.status_code == 428
    assert yearly.status_code == 422 and yearly.json()["code"] == "invalid-report-period"
    body = ledger.json()
    counties = {c["county_code"]: c for c in body["counties"]}
    assert body["due_on"] == due.isoformat()
    assert counties[A]["status"] == "filed" and counties[B]["status"] == "late"
    assert counties["620104"]["status"] == "missing"
    assert body["summary"]["filed"] == 1 and body["summary"]["late"] == 1
    # and the second half is not yet due for any county of 兰州市
    assert set(second_half.json()["summary"]) >= {"not_yet_due"}
    assert {c["status"] for c in second_half.json()["counties"]} == {"not_yet_due"}


def _funds(source: str, amount: int, doc: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"county_code": A, "programme": "extreme_poverty", "source": source,
                            "amount_fen": amount}  # fmt: skip
    if doc is not None:
        data["document_ref"] = doc
    return data


async def _alerts(s: Supervision) -> list[dict[str, Any]]:
    query = text("SELECT data FROM events WHERE type = 'supervision.AlertRaised'"
                 " AND data->>'detector' = 'funds_not_arrived' ORDER BY position")  # fmt: skip
    async with s.runtime.engine.connect() as conn:
        return [row.data for row in await conn.execute(query)]


@pytest.mark.req("SUP-11", "PAY-7")
async def test_central_money_not_arrived_within_30_days_raises_one_alert(
    supervision: Supervision,
) -> None:
    # given central, provincial and city money allocated today; the provincial money arrives
    # in full, the central money in part, the city money not at all
    await supervision.feed("payments.FundsAllocated", _funds("central", 1_000_000, "财社1号"))
    await supervision.feed("payments.FundsAllocated", _funds("provincial", 500_000, "甘财2号"))
    await supervision.feed("payments.FundsAllocated", _funds("city", 300_000, "兰财3号"))
    await supervision.feed("payments.FundsArrived", _funds("provincial", 500_000))
    await supervision.feed("payments.FundsArrived", _funds("central", 400_000))
    check = supervision.runtime.app.state.check_funds
    # when the scheduled check runs 29 days later, nothing is due yet
    supervision.clock.advance(timedelta(days=29))
    assert await check() == 0
    # then at 31 days the central allocation is found, once
    supervision.clock.advance(timedelta(days=2))
    assert await check() == 1
    assert await check() == 0
    [alert] = await _alerts(supervision)
    assert alert["division_code"] == A and alert["evidence"]["source"] == "central"
    assert alert["evidence"]["missing_fen"] == 600_000
    assert alert["evidence"]["document_ref"] == "财社1号"
    assert alert["evidence"]["deadline_days"] == 30


@pytest.mark.req("SUP-11", "GEN-8")
async def test_the_funds_alert_reads_whole_fen_and_leaves_out_a_missing_document_number(
    supervision: Supervision,
) -> None:
    # given central money allocated without a document number, and a part of it arrived
    await supervision.feed("payments.FundsAllocated", _funds("central", 50_000_000, ""))
    await supervision.feed("payments.FundsArrived", _funds("central", 10_000_000))
    allocated_on = supervision.clock.now().astimezone(CHINA).date()
    # when the check runs after the deadline
    supervision.clock.advance(timedelta(days=31))
    assert await supervision.runtime.app.state.check_funds() == 1
    # then the summary gives whole fen and no empty 文号
    [alert] = await _alerts(supervision)
    assert alert["summary_zh"] == (
        f"资金未按期到位：{A} extreme_poverty 中央资金 {allocated_on} 下达 50000000 分，"
        "30 日内仍有 40000000 分未到位"
    )


@pytest.mark.req("SUP-11", "GEN-8")
async def test_a_report_is_not_filed_for_a_period_that_has_not_ended(
    supervision: Supervision,
) -> None:
    # given the service clock in the second half of its year
    year = today(supervision.clock).year
    assert today(supervision.clock) > date(year, 6, 30)
    async with supervision.client() as client:
        # when a county files for this half year, still running, and one years ahead
        running = await _file(supervision, client, A, f"{year}-H2")
        ahead = await _file(supervision, client, A, f"{year + 4}-H1")
        # then both are refused at the period, and nothing shows as filed
        for refused in (running, ahead):
            assert refused.status_code == 422, refused.text
            assert (refused.json()["code"], refused.json()["field"]) == (
                "report-period-not-ended", "period",
            )  # fmt: skip
        ledger = await client.get(
            "/v1/implementation-reports",
            params={"period": f"{year}-H2"},
            headers=supervision.headers("province_officer", "62"),
        )
    assert {c["status"] for c in ledger.json()["counties"]} == {"not_yet_due"}
    # and on the half year's last day it still waits; from the next day it is filed
    _at(supervision, date(year, 12, 31))
    async with supervision.client() as client:
        assert (await _file(supervision, client, A, f"{year}-H2")).status_code == 422
        _at(supervision, date(year + 1, 1, 1))
        filed = await _file(supervision, client, A, f"{year}-H2")
    assert filed.status_code == 200, filed.text
