"""SUP-2 acceptance end to end: an upheld complaint against an approved beneficiary leads, through
events, to a re-check in verification and a suspension in payments, all in the case's trail."""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import openpyxl
import pytest

from shared.identity import check_char
from tests.e2e.conftest import OwnStack
from tests.e2e.services import RunningServices
from tests.support import eventually

TOWNSHIP = "620102001"
VILLAGE = "620102001001"
COUNTY = "620102"
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


def _resident() -> str:
    first17 = f"62010219610101{100 + uuid.uuid4().int % 800:03d}"
    return first17 + check_char(first17)


class Client:
    """Requests as one role against one service."""

    def __init__(self, services: RunningServices, client: httpx.AsyncClient, service: str,
                 role: str, division: str, subject: str | None = None) -> None:  # fmt: skip
        self.http, self.base = client, services.urls[service]
        token = services.signer.mint(subject or f"e2e-{role}", role, division, "测试机构")
        self.auth = {"Authorization": f"Bearer {token}"}

    async def get(self, path: str) -> httpx.Response:
        """GET with the role's token."""
        return await self.http.get(f"{self.base}{path}", headers=self.auth)

    async def post(self, path: str, body: dict[str, Any], etag: str | None = None) -> Any:
        """POST with a fresh Idempotency-Key (and If-Match); the JSON answer, or fail."""
        headers = {**self.auth, "Idempotency-Key": str(uuid.uuid4())}
        if etag:
            headers["If-Match"] = etag
        answer = await self.http.post(f"{self.base}{path}", json=body, headers=headers)
        assert answer.status_code in (200, 201), f"{path}: {answer.text}"
        return answer


async def _approved_case(
    services: RunningServices, client: httpx.AsyncClient, bank_account: str | None = None
) -> str:
    township = Client(services, client, "verification", "township_officer", TOWNSHIP)
    county = Client(services, client, "verification", "county_officer", COUNTY)
    intake = Client(services, client, "intake", "township_officer", TOWNSHIP)
    person = _resident()
    created = await intake.post("/v1/applications", {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "被举报人", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": "城关区-授权-督查"},
        **({"bank_account": bank_account} if bank_account else {}),
    })  # fmt: skip
    case = created.json()["application_id"]
    file = f"/v1/cases/{case}/programmes/urban_dibao"
    await eventually(lambda: _ok(township.get(file)), message="verification never opened it")

    async def step(who: Client, name: str, body: dict[str, Any]) -> None:
        etag = (await who.get(file)).headers["ETag"]
        await who.post(f"{file}/{name}", body, etag)

    await step(township, "economic-verification", {})
    await step(
        township,
        "investigation",
        {"staff": ["王明", "李华"], "visited_on": services.day(-8), "findings": "情况属实"},
    )
    await step(township, "proposal",
               {"proposed_monthly_amount_fen": 60_000, "review_opinion": "拟保"})  # fmt: skip
    batch = await county.post(
        "/v1/batches",
        {"township_code": TOWNSHIP, "cases": [{"case_id": case, "programme": "urban_dibao"}]},
    )
    etag = batch.headers["ETag"]
    for household in batch.json()["sample"]:
        sampled, programme = household.split("/")
        visited = await county.post(f"/v1/batches/{batch.json()['batch_id']}/spot-checks", {
            "case_id": sampled, "programme": programme, "visited_by": ["赵", "钱"],
            "visited_on": services.day(-7), "findings": "与申报一致"}, etag)  # fmt: skip
        etag = visited.headers["ETag"]
    await step(township, "notice", {"village_code": VILLAGE})
    await step(county, "decision", {"decision": "approve", "reason": "经入户抽查和公示，符合条件",
                                    "override_monthly_amount_fen": 60_000,
                                    "override_reason": "按乡镇审核意见核定"})  # fmt: skip
    return str(case)


async def _ok(answer: Any) -> bool:
    return bool((await answer).status_code == 200)


async def _trail(services: RunningServices, client: httpx.AsyncClient, case: str) -> list[dict]:
    answer = await Client(services, client, "supervision", "inspector", "620100").get(
        f"/v1/cases/{case}/audit-trail?limit=200"
    )
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
            lambda: _has(services, client, case, "payments.BeneficiaryEnrolled"),
            timeout=30, message="payments never enrolled the case",
        )  # fmt: skip
        # when a complaint against the household is upheld and both corrections ordered
        registrar = Client(services, client, "supervision", "inspector", COUNTY)
        chief = Client(services, client, "supervision", "city_officer", "6201")
        handler = Client(services, client, "supervision", "inspector", COUNTY, INSPECTOR)
        complaint = (await registrar.post("/v1/complaints", {
            "channel": "online", "anonymous": True, "division_code": TOWNSHIP,
            "subject_case_id": case, "allegation": "false_claim",
            "summary": "该户有经营性收入未申报"})).json()  # fmt: skip
        path = f"/v1/complaints/{complaint['complaint_id']}"
        steps: list[tuple[Client, str, dict[str, Any]]] = [
            (chief, "assignment", {"inspector_id": INSPECTOR}),
            (handler, "verification", {"upheld": True, "findings": "查实有经营性收入"}),
            (handler, "corrective-actions", {"action": "recheck", "programme": "urban_dibao",
                                             "reason": "举报查实，责令复核"}),
            (handler, "corrective-actions", {"action": "suspend_benefit",
                                             "programme": "urban_dibao",
                                             "reason": "举报查实，暂停发放"}),
        ]  # fmt: skip
        for who, name, body in steps:
            complaint = (await who.post(f"{path}/{name}", body, f'"{complaint["version"]}"')).json()
        # then verification opens a re-check and payments suspends, each caused by the order
        for wanted in ("verification.RecheckOpened", "payments.BeneficiarySuspended"):
            await eventually(
                lambda w=wanted: _has(services, client, case, w),
                timeout=30, message=f"{wanted} never reached the case's trail",
            )  # fmt: skip
        trail = await _trail(services, client, case)
        orders = {
            e["event_id"] for e in trail if e["type"] == "supervision.CorrectiveActionOrdered"
        }
        assert len(orders) == 2
        for wanted in ("verification.RecheckOpened", "payments.BeneficiarySuspended"):
            reaction = next(e for e in trail if e["type"] == wanted)
            assert reaction["causation_id"] in orders, reaction
            assert reaction["reason"]


async def _has(services: RunningServices, client: httpx.AsyncClient, case: str, t: str) -> bool:
    return any(e["type"] == t for e in await _trail(services, client, case))


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
        inspector = Client(services, client, "supervision", "inspector", COUNTY)

        async def alerts() -> list[dict[str, Any]]:
            answer = await inspector.get("/v1/alerts?detector=redistribution")
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
    base = services.urls["supervision"]
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = "620102"

        async def post(path: str, body: dict[str, Any], role: str, version: int | None = None,
                       division: str = county) -> dict[str, Any]:  # fmt: skip
            extra = {"If-Match": f'"{version}"'} if version is not None else {}
            answer = await client.post(
                f"{base}{path}", json=body, headers=_post(services, role, division, **extra)
            )
            assert answer.status_code in (200, 201), f"{path}: {answer.text}"
            return dict(answer.json())

        # SUP-4: a special inspection finds a problem and orders its rectification
        inspection = await post("/v1/inspections", {
            "kind": "special", "division_code": county, "planned_on": services.day(-9),
            "scope": "农村低保专项治理", "team": ["督查组"]}, "inspector")  # fmt: skip
        path = f"/v1/inspections/{inspection['inspection_id']}"
        await post(
            f"{path}/visit",
            {
                "visited_on": services.day(-8),
                "findings": [{"description": "平均分配保障金", "severity": "grave"}],
            },
            "inspector",
            1,
        )
        done = await post(f"{path}/rectifications", {
            "finding_id": "F1", "requirement": "逐户核定保障金额", "responsible_org": "某乡政府",
            "due_on": services.day(21)}, "inspector", 2)  # fmt: skip
        assert done["rectifications"][0]["overdue"] is False
        # SUP-5: a rescue station's check records a freezing hazard
        station = await post("/v1/institutions", {
            "kind": "rescue_station", "name": "城关区救助管理站", "division_code": county,
            "capacity": 60}, "county_officer")  # fmt: skip
        checked = await post(f"/v1/institutions/{station['institution_id']}/hazard-checks", {
            "checked_on": services.day(-9), "categories": ["freezing", "gas_poisoning"],
            "fire_equipment_complete": True,
            "hazards": [{"category": "freezing", "description": "水管未保温",
                         "due_on": services.day(5)}]}, "county_officer", 1)  # fmt: skip
        assert checked["hazards"][0]["category"] == "freezing"
        # SUP-6 / SUP-9: the county files its mechanism; the province's ledger shows it
        year = int(services.day()[:4])  # the stack's clock stands after February
        members = ["development_reform", "education", "finance", "human_resources",
                   "construction", "health_family_planning", "poverty_alleviation",
                   "disabled_persons_federation"]  # fmt: skip
        await post(f"/v1/coordination/{county}/{year}/mechanism", {
            "filed_on": f"{year}-02-10", "head": "区长", "lead_department": "civil_affairs",
            "member_departments": members}, "county_officer", 0)  # fmt: skip
        ledger = (
            await client.get(
                f"{base}/v1/policy-tasks",
                params={"year": year},
                headers=services.auth("province_officer", "62"),
            )
        ).json()
        row = next(r for r in ledger["counties"] if r["county_code"] == county)
        assert row["tasks"]["coordination_filing"]["status"] == "done"
        # SUP-7: the township names its desk person
        desk = await post("/v1/capacity/620102001/desk-staff", {
            "name": "刘专干", "since": services.day(-60)}, "township_officer", 0,
            division="620102001")  # fmt: skip
        assert desk["desk_staff"]["name"] == "刘专干"
        # SUP-8: the month's statistics count this month's applications in the county
        case = await _submit_case(services, client)
        await eventually(lambda: _has(services, client, case, "intake.ApplicationSubmitted"),
                         message="trail")  # fmt: skip
        month = services.period()
        report = await client.get(f"{base}/v1/reports/statistics", params={"period": month},
                                  headers=services.auth("county_officer", county))  # fmt: skip
        rows = {(r["county_code"], r["programme"]): r for r in report.json()["rows"]}
        assert rows[(county, "urban_dibao")]["applications"] >= 1
        sheet = await client.get(
            f"{base}/v1/reports/statistics",
            params={"period": month, "format": "csv"},
            headers=services.auth("county_officer", county),
        )
        assert sheet.headers["content-type"].startswith("text/csv")
        xlsx = await client.get(f"{base}/v1/reports/statistics.xlsx", params={"period": month},
                                headers=services.auth("county_officer", county))  # fmt: skip
        assert xlsx.headers["content-type"] == XLSX, xlsx.text
        book = openpyxl.load_workbook(io.BytesIO(xlsx.content))["统计报表"]
        cells = {(r[0].value, r[1].value): r[2].value for r in book.iter_rows(min_row=2)}
        assert book["C1"].value == "申请数" and book.freeze_panes == "A2"
        assert cells[(county, "urban_dibao")] >= rows[(county, "urban_dibao")]["applications"]


def _post(services: RunningServices, role: str, division: str, **extra: str) -> dict[str, str]:
    token = services.signer.mint(f"e2e-{role}", role, division, "督查")
    return {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4()), **extra}


async def _submit_case(services: RunningServices, client: httpx.AsyncClient) -> str:
    intake = Client(services, client, "intake", "township_officer", TOWNSHIP)
    person = _resident()
    created = await intake.post("/v1/applications", {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "申请人", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": "城关区-授权-统计"}})  # fmt: skip
    return str(created.json()["application_id"])
