"""SUP-2 acceptance end to end: an upheld complaint against an approved beneficiary leads, through
events, to a re-check and a suspension on the case in verification, and so in payments, all in
the case's trail."""

from __future__ import annotations

import io
import itertools
import json
import uuid
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import openpyxl
import pytest

from clients.payments.api.beneficiaries import get_beneficiary
from clients.supervision.api.audit import export_case_audit_trail, get_case_audit_trail
from clients.supervision.api.capacity import name_desk_staff
from clients.supervision.api.complaints import (
    assign_complaint,
    order_corrective_action,
    register_complaint,
    verify_complaint,
)
from clients.supervision.api.coordination import file_coordination_mechanism, list_policy_tasks
from clients.supervision.api.detectors import list_alerts
from clients.supervision.api.inspections import (
    order_rectification,
    plan_inspection,
    record_inspection_visit,
)
from clients.supervision.api.reports import get_statistics_report, get_statistics_workbook
from clients.supervision.api.safety import record_hazard_check, register_institution
from clients.verification.api.county import resume_benefit
from shared.identity import check_char
from shared.privacy import PROTECTED
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import (
    Answer,
    Clerk,
    County,
    approved,
    call,
    operation_client,
    submitted,
)
from tests.e2e.services import RunningServices
from tests.e2e.test_verification_happy_path import Officer
from tests.support import eventually

TOWNSHIP = "620102001"
COUNTY = "620102"
BUREAU = County(COUNTY)  # 城关区, with the township and village its cases come from
INSPECTOR = "e2e-inspector-li"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    with own_stack(
        "e2e-supervision-actions",
        {
            "VERIFICATION_NOTICE_PERIOD_DAYS": "0",
        },
    ) as running:
        yield running


_SEQUENCES = itertools.count(100)  # each person of the module its own (intake refuses duplicates)


def _resident() -> str:
    first17 = f"62010219610101{next(_SEQUENCES):03d}"
    return first17 + check_char(first17)


class Staff:
    """One role of one division on one service, through the service's generated client; the
    token names the staff member when `subject` is given (the inspector a complaint is
    assigned to)."""

    def __init__(self, services: RunningServices, service: str, role: str, division: str,
                 subject: str | None = None) -> None:  # fmt: skip
        token = services.signer.mint(subject or f"e2e-{role}", role, division, "测试机构")
        self.api = operation_client(services, service, token)

    async def call(
        self, operation: ModuleType, etag: str | None = None, **arguments: Any
    ) -> Answer:
        """The operation's answer, whatever it is."""
        return await call(self.api, operation, etag, **arguments)

    async def done(
        self, operation: ModuleType, etag: str | None = None, **arguments: Any
    ) -> dict[str, Any]:
        """The JSON answer of an operation that must succeed (200 or 201), or fail."""
        answer = await self.call(operation, etag, **arguments)
        assert answer.status_code in (200, 201), f"{operation.__name__}: {answer.text}"
        return dict(answer.json())


async def _approved_case(
    services: RunningServices, client: httpx.AsyncClient, bank_account: str | None = None
) -> str:
    person = _resident()
    case = await submitted(services, client, BUREAU, {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "被举报人", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": "城关区-授权-督查"},
        **({"bank_account": bank_account} if bank_account else {}),
    })  # fmt: skip
    await approved(services, client, BUREAU, case, "urban_dibao", {
        "decision": "approve", "reason": "经入户抽查和公示，符合条件",
        "override_monthly_amount_fen": 60_000,
        "override_reason": "按乡镇审核意见核定"})  # fmt: skip
    return case


async def _trail(services: RunningServices, case: str) -> list[dict[str, Any]]:
    inspector = Staff(services, "supervision", "inspector", "620100")
    answer = await inspector.call(get_case_audit_trail, case_id=case, limit=200)
    return list(answer.json()["entries"]) if answer.status_code == 200 else []


@pytest.mark.req("SUP-2", "SUP-1")
async def test_an_upheld_complaint_rechecks_and_suspends_the_benefit_through_events(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        # given a beneficiary approved by the county and enrolled by payments
        case = await _approved_case(services, client)
        await eventually(
            lambda: _has(services, case, "payments.BeneficiaryEnrolled"),
            timeout=30, message="payments never enrolled the case",
        )  # fmt: skip
        # when a complaint against the household is upheld and both corrections ordered
        registrar = Staff(services, "supervision", "inspector", COUNTY)
        chief = Staff(services, "supervision", "city_officer", "6201")
        handler = Staff(services, "supervision", "inspector", COUNTY, INSPECTOR)
        complaint = await registrar.done(register_complaint, body={
            "channel": "online", "anonymous": True, "division_code": TOWNSHIP,
            "subject_case_id": case, "allegation": "false_claim",
            "summary": "该户有经营性收入未申报"})  # fmt: skip
        steps: list[tuple[Staff, ModuleType, dict[str, Any]]] = [
            (chief, assign_complaint, {"inspector_id": INSPECTOR}),
            (handler, verify_complaint, {"upheld": True, "findings": "查实有经营性收入"}),
            (handler, order_corrective_action, {"action": "recheck", "programme": "urban_dibao",
                                                "reason": "举报查实，责令复核"}),
            (handler, order_corrective_action, {"action": "suspend_benefit",
                                                "programme": "urban_dibao",
                                                "reason": "举报查实，暂停发放"}),
        ]  # fmt: skip
        for who, operation, body in steps:
            complaint = await who.done(
                operation, f'"{complaint["version"]}"',
                complaint_id=complaint["complaint_id"], body=body,
            )  # fmt: skip
        # then verification opens a re-check and payments suspends, each caused by the order
        for wanted in ("verification.RecheckOpened", "payments.BeneficiarySuspended"):
            await eventually(
                lambda w=wanted: _has(services, case, w),
                timeout=30, message=f"{wanted} never reached the case's trail",
            )  # fmt: skip
        trail = await _trail(services, case)
        orders = {
            e["event_id"] for e in trail if e["type"] == "supervision.CorrectiveActionOrdered"
        }
        assert len(orders) == 2
        # and the complaint's own steps stand in the trail of the case it is about
        for wanted in ("supervision.ComplaintReceived", "supervision.ComplaintVerified"):
            await eventually(
                lambda w=wanted: _has(services, case, w),
                timeout=30, message=f"{wanted} never reached the case's trail",
            )  # fmt: skip
        # and the county's export of the file shows what the complaint says to nobody
        county = Staff(services, "supervision", "county_officer", COUNTY)
        exported = (await county.call(export_case_audit_trail, case_id=case)).json()
        [received] = [
            e for e in exported["entries"] if e["type"] == "supervision.ComplaintReceived"
        ]
        assert received["data"]["summary"] == PROTECTED
        assert "经营性收入未申报" not in json.dumps(exported, ensure_ascii=False)
        for wanted in ("verification.RecheckOpened", "verification.BenefitSuspended"):
            reaction = next(e for e in trail if e["type"] == wanted)
            assert reaction["causation_id"] in orders, reaction
            assert reaction["reason"]
        # and payments stops as the case's suspension says (ADR 0023 amended)
        stop = next(e for e in trail if e["type"] == "verification.BenefitSuspended")
        paid_stop = next(e for e in trail if e["type"] == "payments.BeneficiarySuspended")
        assert paid_stop["causation_id"] == stop["event_id"], paid_stop


async def _upheld_complaint(services: RunningServices, case: str) -> dict[str, Any]:
    """A complaint against the household, assigned and upheld by inspector Li."""
    registrar = Staff(services, "supervision", "inspector", COUNTY)
    chief = Staff(services, "supervision", "city_officer", "6201")
    handler = Staff(services, "supervision", "inspector", COUNTY, INSPECTOR)
    complaint = await registrar.done(register_complaint, body={
        "channel": "hotline", "anonymous": True, "division_code": TOWNSHIP,
        "subject_case_id": case, "allegation": "false_claim",
        "summary": "该户家中有人在外务工收入未申报"})  # fmt: skip
    for who, operation, body in [
        (chief, assign_complaint, {"inspector_id": INSPECTOR}),
        (handler, verify_complaint, {"upheld": True, "findings": "查实有务工收入"}),
    ]:
        complaint = await who.done(
            operation, f'"{complaint["version"]}"',
            complaint_id=complaint["complaint_id"], body=body,
        )  # fmt: skip
    return complaint


@pytest.mark.req("SUP-2", "VER-7")
async def test_a_stop_ordered_by_supervision_shows_on_the_case_and_the_county_resumes_it(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        # given a beneficiary approved and enrolled, and a complaint against it upheld
        case = await _approved_case(services, client)
        payments = Clerk(services, client, "payments", "county_officer", COUNTY)
        county = Officer(services, client, "county_officer", COUNTY)

        async def status() -> str | None:
            answer = await payments.call(get_beneficiary, case_id=case, programme="urban_dibao")
            return str(answer.json()["status"]) if answer.status_code == 200 else None

        await eventually(lambda: _is(status(), "active"), timeout=30, message="not enrolled")
        complaint = await _upheld_complaint(services, case)
        # when the inspector orders the benefit stopped
        handler = Staff(services, "supervision", "inspector", COUNTY, INSPECTOR)
        await handler.done(
            order_corrective_action, f'"{complaint["version"]}"',
            complaint_id=complaint["complaint_id"],
            body={"action": "suspend_benefit", "programme": "urban_dibao",
                  "reason": "举报查实，暂停发放"},
        )  # fmt: skip

        async def stage() -> str:
            return str((await county.case(case)).json()["stage"])

        # then the case file and payments both say suspended
        await eventually(lambda: _is(stage(), "suspended"), timeout=30, message="case not stopped")
        await eventually(lambda: _is(status(), "suspended"), timeout=30, message="still paid")
        # and the trail shows the case's suspension by the inspector, under the order, once
        await eventually(
            lambda: _has(services, case, "payments.BeneficiarySuspended"),
            timeout=30, message="payments' suspension never reached the trail",
        )  # fmt: skip
        trail = await _trail(services, case)
        [order] = [e for e in trail if e["type"] == "supervision.CorrectiveActionOrdered"]
        [stop] = [e for e in trail if e["type"] == "verification.BenefitSuspended"]
        [paid_stop] = [e for e in trail if e["type"] == "payments.BeneficiarySuspended"]
        assert stop["causation_id"] == order["event_id"], stop
        assert stop["actor"]["id"] == INSPECTOR, stop
        assert paid_stop["causation_id"] == stop["event_id"], paid_stop
        # and the county, having cleared it up, resumes it, and payments pays again
        resumed = await county.step(
            case, resume_benefit, {"effective_from": services.day(), "reason": "复核后确认不超标准"}
        )
        assert resumed.status_code == 200, resumed.text
        assert resumed.json()["stage"] == "approved"
        await eventually(lambda: _is(status(), "active"), timeout=30, message="never resumed")


async def _is(pending: Any, wanted: str) -> bool:
    return bool(await pending == wanted)


async def _has(services: RunningServices, case: str, t: str) -> bool:
    return any(e["type"] == t for e in await _trail(services, case))


@pytest.mark.req("SUP-3")
async def test_two_approved_households_paid_into_one_account_raise_an_alert(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        # given two households approved with the same bank account
        account = f"6222{uuid.uuid4().int % 10**15:015d}"
        first = await _approved_case(services, client, account)
        second = await _approved_case(services, client, account)
        inspector = Staff(services, "supervision", "inspector", COUNTY)

        async def alerts() -> list[dict[str, Any]]:
            answer = await inspector.call(list_alerts, detector="redistribution")
            return list(answer.json()["items"]) if answer.status_code == 200 else []

        # then supervision's detector raises one redistribution alert naming both cases
        await eventually(lambda: _any(alerts()), timeout=30, message="no redistribution alert")
        [alert] = [a for a in await alerts() if set(a["case_ids"]) == {first, second}]
        assert alert["evidence"]["bank_account_masked"].endswith(account[-4:])
        assert account not in str(alert)


async def _any(pending: Any) -> bool:
    return bool(await pending)


@pytest.mark.req("SUP-4", "SUP-5", "SUP-6", "SUP-7", "SUP-8", "SUP-9")
async def test_inspections_safety_coordination_capacity_and_reports_on_the_stack(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = "620102"
        inspector = Staff(services, "supervision", "inspector", county)
        officer = Staff(services, "supervision", "county_officer", county)

        # SUP-4: a special inspection finds a problem and orders its rectification
        inspection = await inspector.done(plan_inspection, body={
            "kind": "special", "division_code": county, "planned_on": services.day(-9),
            "scope": "农村低保专项治理", "team": ["督查组"]})  # fmt: skip
        inspection_id = inspection["inspection_id"]
        await inspector.done(
            record_inspection_visit,
            '"1"',
            inspection_id=inspection_id,
            body={
                "visited_on": services.day(-8),
                "findings": [{"description": "平均分配保障金", "severity": "grave"}],
            },
        )
        done = await inspector.done(order_rectification, '"2"', inspection_id=inspection_id, body={
            "finding_id": "F1", "requirement": "逐户核定保障金额", "responsible_org": "某乡政府",
            "due_on": services.day(21)})  # fmt: skip
        assert done["rectifications"][0]["overdue"] is False
        # SUP-5: a rescue station's check records a freezing hazard
        station = await officer.done(register_institution, body={
            "kind": "rescue_station", "name": "城关区救助管理站", "division_code": county,
            "capacity": 60})  # fmt: skip
        checked = await officer.done(
            record_hazard_check, '"1"', institution_id=station["institution_id"], body={
            "checked_on": services.day(-9), "categories": ["freezing", "gas_poisoning"],
            "fire_equipment_complete": True,
            "hazards": [{"category": "freezing", "description": "水管未保温",
                         "due_on": services.day(5)}]})  # fmt: skip
        assert checked["hazards"][0]["category"] == "freezing"
        # SUP-6 / SUP-9: the county files its mechanism; the province's ledger shows it
        year = int(services.day()[:4])  # the stack's clock stands after February
        members = ["development_reform", "education", "finance", "human_resources",
                   "construction", "health_family_planning", "poverty_alleviation",
                   "disabled_persons_federation"]  # fmt: skip
        await officer.done(file_coordination_mechanism, '"0"', county_code=county, year=year,
                           body={"filed_on": f"{year}-02-10", "head": "区长",
                                 "lead_department": "civil_affairs",
                                 "member_departments": members})  # fmt: skip
        province = Staff(services, "supervision", "province_officer", "62")
        ledger = await province.done(list_policy_tasks, year=year)
        row = next(r for r in ledger["counties"] if r["county_code"] == county)
        assert row["tasks"]["coordination_filing"]["status"] == "done"
        # SUP-7: the township names its desk person
        township = Staff(services, "supervision", "township_officer", "620102001")
        desk = await township.done(name_desk_staff, '"0"', division_code="620102001",
                                   body={"name": "刘专干", "since": services.day(-60)})  # fmt: skip
        assert desk["desk_staff"]["name"] == "刘专干"
        # SUP-8: the month's statistics count this month's applications in the county
        case = await _submit_case(services, client)
        await eventually(lambda: _has(services, case, "intake.ApplicationSubmitted"),
                         message="trail")  # fmt: skip
        month = services.period()
        report = await officer.call(get_statistics_report, period=month)
        rows = {(r["county_code"], r["programme"]): r for r in report.json()["rows"]}
        assert rows[(county, "urban_dibao")]["applications"] >= 1
        # The CSV is the same operation's documented 200 in another media type; the generated
        # client reads every 200 of the operation as JSON (its generator takes one media type
        # per answer), so the sheet is fetched with the client's own httpx client.
        sheet = await officer.api.get_async_httpx_client().get(
            "/v1/reports/statistics", params={"period": month, "format": "csv"}
        )
        assert sheet.headers["content-type"].startswith("text/csv")
        xlsx = await officer.call(get_statistics_workbook, period=month)
        assert xlsx.headers["content-type"] == XLSX, xlsx.text
        book = openpyxl.load_workbook(io.BytesIO(xlsx.content))["统计报表"]
        cells = {(r[0].value, r[1].value): r[2].value for r in book.iter_rows(min_row=2)}
        assert book["C1"].value == "申请数" and book.freeze_panes == "A2"
        assert cells[(county, "urban_dibao")] >= rows[(county, "urban_dibao")]["applications"]


async def _submit_case(services: RunningServices, client: httpx.AsyncClient) -> str:
    person = _resident()
    return await submitted(services, client, BUREAU, {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "钱秀珍", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": "城关区-授权-统计"}})  # fmt: skip
