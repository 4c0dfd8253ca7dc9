"""Payments end to end: an approved case is paid in the next run and the payment shows in the
case's audit trail; minimums, funds and duplicated bank answers on the running stack (PAY-*)."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from clients.intake.api.applications import amend_application, get_application
from clients.intake.api.urgent_cases import grant_prior_assistance, report_urgent_case
from clients.payments.api.beneficiaries import (
    get_beneficiary,
    list_beneficiary_payments,
    list_case_payments,
)
from clients.payments.api.disaster_relief import (
    declare_disaster,
    get_disaster,
    grant_disaster_relief,
)
from clients.payments.api.funds import (
    get_funds_account,
    record_funds_allocation,
    record_funds_arrival,
)
from clients.payments.api.payment_runs import get_payment_run, list_run_payments, start_payment_run
from clients.payments.api.pipeline import get_pipeline_case
from clients.payments.api.practical_tasks import enter_practical_task, get_practical_tasks
from clients.payments.api.price_linkage import record_price_index, set_price_linkage_parameters
from clients.payments.api.standards import set_standard
from clients.supervision.api.audit import get_case_audit_trail, verify_case_audit_trail
from services.embedded import EmbeddedBroker, EmbeddedPostgres
from services.settings import PROJECT_ROOT
from tests.e2e.flows import Answer, Clerk, County, answered, approved, submitted
from tests.e2e.services import RunningServices, running_services
from tests.support import eventually

TOWNSHIP = "620102001"
VILLAGE = "620102001001"
COUNTY = "620102"
CHENGGUAN = County(COUNTY)  # 城关区: the county, township and village of this module's cases
ACCOUNT = "6228480012345678901"
# the county fixes the township's proposed 600 yuan (an override with its reason)
AT_600 = {"decision": "approve", "reason": "符合条件", "override_monthly_amount_fen": 60_000,
          "override_reason": "按乡镇审核意见核定每月600元"}  # fmt: skip
STACK: dict[str, Any] = {}  # where the module's stack lives, to restart a killed process


@pytest.fixture(scope="module")
def services(
    embedded_postgres: EmbeddedPostgres,
    broker: EmbeddedBroker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[RunningServices]:
    """All four services and the simulators; a zero-day notice period so approval can follow."""
    data_dir: Path = tmp_path_factory.mktemp("e2e-payments")
    STACK.update(data_dir=data_dir, server=embedded_postgres.server_url,
                 bootstrap=broker.bootstrap_servers)  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VERIFICATION_NOTICE_PERIOD_DAYS", "0")
        with running_services(
            embedded_postgres.server_url, broker.bootstrap_servers, data_dir
        ) as running:
            yield running


class Payments(Clerk):
    """The county officer of this module's county, on the payments service."""

    def __init__(self, services: RunningServices, client: httpx.AsyncClient) -> None:
        super().__init__(services, client, "payments", "county_officer", COUNTY)


async def approved_case(
    services: RunningServices,
    client: httpx.AsyncClient,
    sequence: int = 501,
    decision: dict[str, Any] | None = None,
    bank_account: str | None = ACCOUNT,
) -> str:
    """One application with a bank account taken through verification to approval; by default
    the county fixes the township's proposed 600 yuan (an override with its reason)."""
    person = CHENGGUAN.resident(sequence)
    case_id = await submitted(services, client, CHENGGUAN, {
        "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
        "members": [{"resident_id": person, "name": "王秀英", "relation": "self"}],
        "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
        "authorisation": {"signed_by_resident_id": person, "signed_on": services.day(-15),
                          "document_ref": f"城关区-授权-{sequence}"},
        **({"bank_account": bank_account} if bank_account else {}),
    })  # fmt: skip
    await approved(services, client, CHENGGUAN, case_id, "urban_dibao", decision or AT_600)
    return case_id


async def enrolled_once_approved(
    services: RunningServices, client: httpx.AsyncClient, case_id: str
) -> dict[str, Any]:
    """The beneficiary payments enrols once the county approves the case at 600 yuan."""
    await approved(services, client, CHENGGUAN, case_id, "urban_dibao", AT_600)
    payments, ledger = Payments(services, client), {"case_id": case_id, "programme": "urban_dibao"}
    await eventually(lambda: answered(payments, get_beneficiary, **ledger), timeout=30,
                     message="payments never enrolled the approved case")  # fmt: skip
    return dict((await payments.call(get_beneficiary, **ledger)).json())


@pytest.mark.req("PAY-2", "PAY-3", "PAY-7", "SUP-1", "GEN-3")
async def test_an_approved_case_is_paid_in_the_next_run_and_shown_in_its_audit_trail(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Payments(services, client)
        # given a case approved by verification at 600 yuan a month, enrolled by payments
        case_id = await approved_case(services, client)
        ledger = {"case_id": case_id, "programme": "urban_dibao"}
        await eventually(lambda: answered(payments, get_beneficiary, **ledger), timeout=30,
                         message="payments never enrolled the approved case")  # fmt: skip
        enrolled = await payments.call(get_beneficiary, **ledger)
        assert enrolled.json()["monthly_amount_fen"] == 60_000
        # and its funding pipeline shows it decided, no longer in verification (PAY-7)

        async def pipeline_approved() -> bool:
            answer = await payments.call(get_pipeline_case, case_id=case_id)
            return answer.status_code == 200 and answer.json()["stage"] == "approved"

        await eventually(
            pipeline_approved, timeout=30, message="the pipeline never left verification"
        )
        # and a bank that answers every instruction twice (the bank simulator: plain HTTP)
        await client.post(f"{services.urls['bank']}/v1/control", json={"duplicate_answers": True})
        period = services.period()
        run = {"county_code": COUNTY, "period": period, "reason": f"{period}城市低保发放"}
        # when the run is started without funds, it is refused
        refused = await payments.call(start_payment_run, body=run)
        assert refused.status_code == 409 and refused.json()["code"] == "insufficient-funds"
        # and once the provincial money has arrived it is accepted
        movement = {"county_code": COUNTY, "programme": "urban_dibao", "source": "provincial",
                    "amount_fen": 1_000_000, "document_ref": "甘财社〔2026〕9号",
                    "reason": "省级资金下达"}  # fmt: skip
        allocated = await payments.call(record_funds_allocation, body=movement)
        assert allocated.status_code == 201, allocated.text
        arrived = await payments.call(
            record_funds_arrival, etag=allocated.headers["ETag"], body=movement
        )
        assert arrived.status_code == 201, arrived.text
        started = await payments.call(start_payment_run, body=run)
        assert started.status_code == 201, started.text
        run_id = started.json()["run_id"]
        # then the service pays and reconciles it in the background
        await eventually(lambda: _completed(payments, run_id), timeout=60,
                         message="the run never completed")  # fmt: skip
        paid = (await payments.call(list_beneficiary_payments, **ledger)).json()["items"]
        assert [(p["period"], p["amount_fen"], p["status"]) for p in paid] == [
            (period, 60_000, "settled")
        ]
        assert ACCOUNT not in str(paid)
        # and the duplicated answer settled it once; supervision shows the payment
        inspector = Clerk(services, client, "supervision", "inspector", "620100")

        async def trail_has_payment() -> bool:
            answer = await inspector.call(get_case_audit_trail, case_id=case_id)
            types = [e["type"] for e in answer.json().get("entries", [])]
            return answer.status_code == 200 and "payments.PaymentSettled" in types

        await eventually(trail_has_payment, timeout=30, message="no payment in the audit trail")
        entries = (await inspector.call(get_case_audit_trail, case_id=case_id)).json()["entries"]
        settled = [e for e in entries if e["type"] == "payments.PaymentSettled"]
        assert len(settled) == 1 and settled[0]["reason"]
        verdict = (await inspector.call(verify_case_audit_trail, case_id=case_id)).json()
        assert verdict["ok"] is True, verdict


async def _completed(payments: Payments, run_id: str) -> bool:
    try:
        answer = await payments.call(get_payment_run, run_id=run_id)
    except httpx.TransportError:
        return False  # restarting
    return answer.status_code == 200 and answer.json()["status"] == "completed"


@pytest.mark.req("PAY-1", "GEN-8")
async def test_a_county_standard_below_the_guidance_is_refused_on_the_stack(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        province = Clerk(services, client, "payments", "province_officer", "620000")
        guidance = await province.call(set_standard, body={
            "division_code": "62", "programme": "rural_dibao",
            "effective_from": f"{services.period(-12)}-01", "monthly_per_person_fen": 45_000,
            "reason": "省级指导标准"})  # fmt: skip
        assert guidance.status_code == 201, guidance.text
        below = await Payments(services, client).call(set_standard, body={
            "division_code": COUNTY, "programme": "rural_dibao",
            "effective_from": f"{services.period(-12)}-01",
            "monthly_per_person_fen": 44_999, "reason": "县标准"})  # fmt: skip
        assert below.status_code == 422
        assert below.json()["code"] == "standard-below-provincial-guidance"


def restart_payments(services: RunningServices) -> subprocess.Popen[bytes]:
    """Start the payments service again on its port and database, as the stack started it."""
    port = services.urls["payments"].rsplit(":", 1)[1]
    env = {**services.env, "PAYMENTS_PORT": port}
    log = (STACK["data_dir"] / "payments-restarted.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "services", "serve", "payments"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


@pytest.mark.req("PAY-3", "GEN-3")
async def test_the_payments_process_killed_mid_run_pays_nobody_twice_and_nobody_zero_times(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Payments(services, client)
        # given three more approved cases (and the one of the first test), funds and a bank that
        # is slow to answer after paying
        cases = [await approved_case(services, client, 510 + i) for i in range(3)]
        for case_id in cases:
            await eventually(
                lambda c=case_id: answered(payments, get_beneficiary, case_id=c,
                                           programme="urban_dibao"),
                timeout=30, message="not enrolled",
            )  # fmt: skip
        bank = services.urls["bank"]  # the bank simulator: plain HTTP
        await client.post(f"{bank}/v1/reset")
        await client.post(f"{bank}/v1/control", json={"answer_delay_ms": 3000})
        movement = {"county_code": COUNTY, "programme": "urban_dibao", "source": "central",
                    "amount_fen": 1_000_000, "reason": "中央资金"}  # fmt: skip
        account = await payments.call(
            get_funds_account, county_code=COUNTY, programme="urban_dibao"
        )
        allocated = await payments.call(
            record_funds_allocation, etag=account.headers["ETag"], body=movement
        )
        assert allocated.status_code == 201, allocated.text
        etag = allocated.headers["ETag"]
        arrived = await payments.call(record_funds_arrival, etag=etag, body=movement)
        assert arrived.status_code == 201, arrived.text
        # when next month's run starts and the service is killed once the bank has paid
        started = await payments.call(start_payment_run, body={
            "county_code": COUNTY, "period": services.period(1), "reason": "下月发放"})  # fmt: skip
        assert started.status_code == 201, started.text
        await eventually(lambda: _credits(client, bank, 4), timeout=60, message="bank paid none")
        run_id = started.json()["run_id"]
        waiting = (await payments.call(list_run_payments, run_id=run_id)).json()["items"]
        assert [p["status"] for p in waiting] == ["instructed"] * 4  # paid, answer not yet in
        services.processes["payments"].send_signal(signal.SIGKILL)
        services.processes["payments"].wait(timeout=10)
        # and started again
        services.processes["payments"] = restart_payments(services)
        await client.post(f"{bank}/v1/control", json={})
        await eventually(lambda: _completed(payments, run_id), timeout=90,
                         message="the run never completed after the restart")  # fmt: skip
        # then every household was credited exactly once by the bank
        credits = (await client.get(f"{bank}/v1/ledger")).json()["credits"]
        references = sorted(c["reference"] for c in credits)
        assert len(references) == 4 and len(set(references)) == 4
        run = (await payments.call(get_payment_run, run_id=run_id)).json()
        assert (run["instructed"], run["settled"], run["failed"]) == (4, 4, 0)


async def _credits(client: httpx.AsyncClient, bank: str, n: int) -> bool:
    """The bank simulator's ledger holds at least n credits."""
    return len((await client.get(f"{bank}/v1/ledger")).json()["credits"]) >= n


async def _settled(payments: Payments, case_id: str) -> bool:
    answer = await payments.call(list_case_payments, case_id=case_id)
    items = answer.json().get("items", []) if answer.status_code == 200 else []
    return bool(items) and all(p["status"] == "settled" for p in items)


@pytest.mark.req("PAY-4", "PAY-5", "PAY-6", "PAY-8")
async def test_green_channel_disaster_relief_price_linkage_and_tasks_on_the_stack(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        payments = Payments(services, client)
        province = Clerk(services, client, "payments", "province_officer", "620000")
        standard = await payments.call(set_standard, body={
            "division_code": COUNTY, "programme": "urban_dibao",
            "effective_from": f"{services.period(-12)}-01",
            "monthly_per_person_fen": 70_000, "reason": "县标准"})  # fmt: skip
        assert standard.status_code == 201, standard.text
        # PAY-8: intake's green channel grants 300 yuan; payments pays it at once
        township = Clerk(services, client, "intake", "township_officer", TOWNSHIP)
        reported = await township.call(report_urgent_case, body={
            "division_code": TOWNSHIP, "reporter": "village_cadre",
            "situation": "独居老人突发疾病", "household_size": 1})  # fmt: skip
        assert reported.status_code == 201, reported.text
        urgent = reported.json()["urgent_case_id"]
        answers: list[Answer] = []

        async def granted_once_standard_known() -> bool:  # the standard reaches intake by Kafka
            answers.append(await township.call(
                grant_prior_assistance, case_id=urgent, etag=reported.headers["ETag"],
                body={"programme": "temporary_assistance", "amount_fen": 30_000,
                      "resident_id": CHENGGUAN.resident(601), "persons": 1,
                      "bank_account": ACCOUNT, "payee_name": "马秀兰",
                      "follow_up_programmes": ["urban_dibao"], "reason": "先行给予临时救助"},
            ))  # fmt: skip
            return answers[-1].json().get("code") != "no-standard-in-force"

        await eventually(granted_once_standard_known, timeout=60, message="no standard in intake")
        granted = answers[-1]
        assert granted.status_code == 200, granted.text
        await eventually(lambda: _settled(payments, urgent), timeout=60,
                         message="the prior assistance was never paid")  # fmt: skip
        # to the account holder the township named (the bank matches the name with the account)
        paid = (await payments.call(list_case_payments, case_id=urgent)).json()["items"]
        assert [p["payee_name_masked"] for p in paid] == ["马**"]
        # PAY-6: a disaster's relief is paid at once
        declared = await payments.call(declare_disaster, body={
            "disaster_id": "quake-e2e", "county_code": COUNTY, "name": "地震",
            "occurred_on": services.day(-9), "allocation_fen": 500_000,
            "reason": "下拨救灾资金"})  # fmt: skip
        assert declared.status_code == 201, declared.text
        relief = await payments.call(
            grant_disaster_relief, disaster_id="quake-e2e", etag=declared.headers["ETag"],
            body={"household_id": "hh-1", "category": "collapsed_house_rebuild",
                  "amount_fen": 300_000, "in_temporary_shelter": True, "payee_name": "受灾户",
                  "bank_account": ACCOUNT, "division_code": TOWNSHIP, "reason": "倒房重建"},
        )  # fmt: skip
        assert relief.status_code == 200, relief.text
        await eventually(lambda: _settled(payments, "disaster:quake-e2e:hh-1"), timeout=60,
                         message="the relief was never paid")  # fmt: skip
        state = (await payments.call(get_disaster, disaster_id="quake-e2e")).json()
        assert state["in_temporary_shelter"] == ["hh-1"]
        # PAY-5: an index over the threshold triggers the subsidy
        configured = await province.call(set_price_linkage_parameters, body={
            "subsidy_per_person_fen": 4_000, "reason": "物价联动"})  # fmt: skip
        assert configured.status_code == 201, configured.text
        index = await province.call(record_price_index, etag=configured.headers["ETag"], body={
            "month": services.period(-1), "cpi_yoy_bp": 380, "food_cpi_yoy_bp": 200})  # fmt: skip
        assert index.status_code == 201, index.text
        assert index.json()["months"][services.period(-1)]["triggered"] is True
        # PAY-4: the year's task on the urban guidance is open until the province raises it
        year = int(services.day()[:4])
        task = await province.call(enter_practical_task, body={
            "year": year, "task_id": "urban", "title": "提高城市低保指导标准",
            "programme": "urban_dibao", "target_fen": 72_000, "reason": "为民办实事"})  # fmt: skip
        assert task.status_code == 201, task.text
        tasks = (await payments.call(get_practical_tasks, year=year)).json()["tasks"]
        assert [(t["task_id"], t["status"], t["due"]) for t in tasks] == [
            ("urban", "open", f"{year}-06-30")  # the stack's clock stands before the end of June
        ]


@pytest.mark.req("PAY-2", "SUP-3")
async def test_a_household_paid_into_the_spouses_account_names_the_spouse_to_the_bank(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        # given a couple whose application is paid into the account the spouse holds
        head, spouse = CHENGGUAN.resident(541), CHENGGUAN.resident(542)
        case_id = await submitted(services, client, CHENGGUAN, {
            "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
            "members": [{"resident_id": head, "name": "王秀英", "relation": "self"},
                        {"resident_id": spouse, "name": "李建国", "relation": "spouse"}],
            "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
            "authorisation": {"signed_by_resident_id": head, "signed_on": services.day(-15),
                              "document_ref": "城关区-授权-541"},
            "bank_account": "6228480012345678541",
            "bank_account_holder": {"name": "李建国", "resident_id": spouse},
        })  # fmt: skip
        # when the county approves it
        enrolled = await enrolled_once_approved(services, client, case_id)
        # then payments pays the spouse, whose name the bank matches with the account
        assert enrolled["payee_name_masked"] == "李**", enrolled
        assert enrolled["bank_account_masked"].endswith("8541")


@pytest.mark.req("PAY-2", "INT-1")
async def test_an_account_corrected_at_intake_before_the_decision_is_the_one_paid(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        township = Clerk(services, client, "intake", "township_officer", TOWNSHIP)
        inspector = Clerk(services, client, "supervision", "inspector", COUNTY)
        # given an application whose account the household corrects at the township
        head = CHENGGUAN.resident(551)
        case_id = await submitted(services, client, CHENGGUAN, {
            "division_code": TOWNSHIP, "registration": "urban", "programmes": ["urban_dibao"],
            "members": [{"resident_id": head, "name": "王秀英", "relation": "self"}],
            "declared_monthly_income_fen": 45_000, "declared_assets_fen": 0,
            "authorisation": {"signed_by_resident_id": head, "signed_on": services.day(-15),
                              "document_ref": "城关区-授权-551"},
            "bank_account": "6228480012345670551",
        })  # fmt: skip
        await eventually(lambda: answered(township, get_application, application_id=case_id),
                         message="intake never listed the application")  # fmt: skip
        current = await township.call(get_application, application_id=case_id)
        amended = await township.call(
            amend_application, current.headers["ETag"], application_id=case_id,
            body={"declared_monthly_income_fen": 40_000, "declared_assets_fen": 0,
                  "bank_account": "6228480012345679999", "reason": "原账户已销户，更正为新账户"},
        )  # fmt: skip
        assert amended.status_code == 200, amended.text

        # when verification has taken the correction, and the county approves the case
        async def corrected_in_verification() -> bool:
            trail = await inspector.call(get_case_audit_trail, case_id=case_id, limit=200)
            types = {e["type"] for e in trail.json()["entries"]} if trail.status_code == 200 else ()
            return "verification.CaseAmended" in types

        await eventually(corrected_in_verification, timeout=30,
                         message="verification never took the correction")  # fmt: skip
        enrolled = await enrolled_once_approved(services, client, case_id)
        # then payments pays into the corrected account, not the closed one
        assert enrolled["bank_account_masked"].endswith("9999"), enrolled
