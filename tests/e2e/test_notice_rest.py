"""The notice's supervision duties on the running stack, through the public APIs only:
centralised care per county with those still dispersed (SUP-10), implementation reports the
province sees filed or late, and central money not arrived within 30 days raising an alert on
the day the deadline passes by the service's clock (SUP-11)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from clients.payments.api.funds import record_funds_allocation, record_funds_arrival
from clients.supervision.api.detectors import list_alerts
from clients.supervision.api.implementation import (
    file_implementation_report,
    list_implementation_reports,
)
from clients.supervision.api.reports import get_centralised_care_report
from shared.clock import CHINA
from tests.e2e.conftest import SHARED_STACK_SETTINGS, OwnStack
from tests.e2e.flows import Clerk, County, approved, submitted
from tests.e2e.services import RunningServices
from tests.support import eventually

GAOLAN = County("620122")  # 皋兰县
DEADLINE_DAYS = 30  # the default arrival deadline of supervision's policy (ADR 0026)


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """A stack of its own, as supervision's clock is moved on a month; scheduled checks every
    second so that one runs soon after supervision starts again."""
    settings = {**SHARED_STACK_SETTINGS, "SUPERVISION_DEADLINE_INTERVAL_S": "1"}
    with own_stack("e2e-notice-rest", settings) as running:
        yield running


def _application(stack: RunningServices, person: str, sequence: int) -> dict[str, Any]:
    return {
        "division_code": GAOLAN.township, "registration": "rural",
        "programmes": ["extreme_poverty"],
        "members": [{"resident_id": person, "name": "杨玉兰", "relation": "self"}],
        "declared_monthly_income_fen": 0, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": stack.day(-15),
                          "document_ref": f"皋兰县-授权-{sequence}"},
        "bank_account": "6228480012345670122",
    }  # fmt: skip


@pytest.mark.req("SUP-10", "VER-8")
async def test_a_partly_dependent_person_in_scattered_care_is_listed_as_still_dispersed(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        # given a 半失能 extreme-poverty person approved for scattered care
        person = GAOLAN.resident(122)
        case_id = await submitted(services, client, GAOLAN, _application(services, person, 122))
        await approved(
            services, client, GAOLAN, case_id, "extreme_poverty",
            {"decision": "approve", "reason": "符合特困供养条件", "care_arrangement": "scattered",
             "override_monthly_amount_fen": 130_000, "override_reason": "基本+照料按县标准核定"},
            visit={"self_care": [{"resident_id": person, "ability": "partial"}]},
        )  # fmt: skip
        # when the province reads the centralised-care report for the county
        province = Clerk(services, client, "supervision", "province_officer", "620000")

        async def counted() -> bool:
            answer = await province.call(get_centralised_care_report, county=GAOLAN.code)
            return answer.status_code == 200 and any(
                p["case_id"] == case_id for p in answer.json()["still_dispersed"]
            )

        await eventually(counted, timeout=30, message="the report never counted the person")
        body = (await province.call(get_centralised_care_report, county=GAOLAN.code)).json()
        # then the county has one (semi-)disabled person, none centralised, below the target
        [row] = body["rows"]
        assert (row["county_code"], row["disabled"], row["centralised"], row["scattered"]) == (
            GAOLAN.code, 1, 0, 1,
        )  # fmt: skip
        assert row["share"] == 0.0 and row["meets_target"] is False
        # and the person is listed as still dispersed, masked
        assert [(p["case_id"], p["arrangement"]) for p in body["still_dispersed"]] == [
            (case_id, "scattered")
        ]
        assert person not in str(body)


def _previous_half(stack: RunningServices) -> str:
    year, month = int(stack.day(0)[:4]), int(stack.day(0)[5:7])
    return f"{year - 1}-H2" if month <= 6 else f"{year}-H1"


@pytest.mark.req("SUP-11")
async def test_a_county_files_its_implementation_report_and_the_province_sees_it_late(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        county = Clerk(services, client, "supervision", "county_officer", GAOLAN.code)
        province = Clerk(services, client, "supervision", "province_officer", "620000")
        half = _previous_half(services)
        # when the county files the report of the last half-year, after its due day
        filed = await county.call(
            file_implementation_report, etag='"0"',
            body={"county_code": GAOLAN.code, "period": half, "document_ref": "皋民发〔2027〕3号",
                  "summary": "已落实提标、集中供养和资金监管"},
        )  # fmt: skip
        assert filed.status_code == 200, filed.text
        # then the province's ledger shows it filed late, and a county that filed nothing missing
        ledger = await province.call(list_implementation_reports, period=half)
        assert ledger.status_code == 200, ledger.text
        counties = {c["county_code"]: c["status"] for c in ledger.json()["counties"]}
        assert counties[GAOLAN.code] == "late"
        assert counties["620121"] == "missing"


@pytest.mark.req("SUP-11", "PAY-7")
async def test_central_money_not_arrived_raises_an_alert_the_day_the_deadline_passes(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Clerk(services, client, "payments", "county_officer", GAOLAN.code)
        inspector = Clerk(services, client, "supervision", "inspector", "620000")
        # given central money allocated to the county today, of which a third arrives
        movement = {"county_code": GAOLAN.code, "programme": "extreme_poverty",
                    "source": "central", "amount_fen": 900_000, "document_ref": "财社〔2027〕8号",
                    "reason": "中央财政困难群众救助补助资金"}  # fmt: skip
        allocated = await payments.call(record_funds_allocation, body=movement)
        assert allocated.status_code == 201, allocated.text
        arrived = await payments.call(
            record_funds_arrival, etag=allocated.headers["ETag"],
            body={**movement, "amount_fen": 300_000},
        )  # fmt: skip
        assert arrived.status_code == 201, arrived.text
        # when supervision's clock has passed the deadline (it starts again a month on)
        services.restart("supervision", later_by=timedelta(days=DEADLINE_DAYS + 1))
        await services.wait_until_healthy(client)

        async def alerts() -> list[dict[str, Any]]:
            """The county's alerts of money not arrived (the list filters by detector only)."""
            answer = await inspector.call(list_alerts, detector="funds_not_arrived")
            items = answer.json()["items"] if answer.status_code == 200 else []
            return [a for a in items if a["division_code"].startswith(GAOLAN.code)]

        async def alerted() -> bool:
            return bool(await alerts())

        # then the scheduled check raises one alert for the money still missing
        await eventually(alerted, timeout=60, message="no alert for the money not arrived")
        [alert] = await alerts()
        assert alert["division_code"] == GAOLAN.code
        assert alert["evidence"]["source"] == "central"
        assert alert["evidence"]["missing_fen"] == 600_000
        raised = datetime.fromisoformat(alert["raised_at"]).astimezone(CHINA).date()
        assert raised.isoformat() == services.day(DEADLINE_DAYS + 1)
