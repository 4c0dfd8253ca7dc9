"""Supervision end to end: complaint to corrective action in the case's trail; SQL edits found."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from sqlalchemy import text

from clients.supervision.api.audit import (
    check_source_log,
    get_case_audit_trail,
    seal_audit_digest,
    verify_audit_digests,
    verify_case_audit_trail,
)
from clients.supervision.api.complaints import (
    assign_complaint,
    close_complaint,
    order_corrective_action,
    register_complaint,
    verify_complaint,
)
from shared.db import create_engine
from shared.identity import check_char
from tests.e2e.conftest import OwnStack
from tests.e2e.flows import County, call, operation_client, submitted
from tests.e2e.services import RunningServices, stack_day
from tests.support import eventually

TOWNSHIP = "620102001"
INSPECTOR = "e2e-inspector-wang"


@pytest.fixture(scope="module")
def services(own_stack: OwnStack) -> Iterator[RunningServices]:
    """All four services as separate processes."""
    with own_stack("e2e-supervision") as running:
        yield running


def fresh_resident_id() -> str:
    """A valid resident ID not used before in this run (intake refuses duplicates)."""
    n = uuid.uuid4().int
    first17 = f"620102{1950 + n % 50}0101{100 + n // 50 % 900}"
    return first17 + check_char(first17)


def _application() -> dict[str, object]:
    resident = fresh_resident_id()
    return {
        "division_code": TOWNSHIP,
        "registration": "urban",
        "programmes": ["urban_dibao"],
        "members": [{"resident_id": resident, "name": "张桂兰", "relation": "self"}],
        "declared_monthly_income_fen": 45_000,
        "declared_assets_fen": 0,
        "authorisation": {
            "signed_by_resident_id": resident,
            "signed_on": stack_day(-15),
            "document_ref": "城关区-授权-2026-0002",
        },
    }


def _api(services: RunningServices, service: str, role: str, division: str,
         subject: str | None = None) -> Any:  # fmt: skip
    """The service's generated client with a token of the role (naming `subject` when given)."""
    token = services.signer.mint(subject or f"e2e-{role}", role, division, "督查")
    return operation_client(services, service, token)


async def _submit_case(services: RunningServices, client: httpx.AsyncClient) -> str:
    return await submitted(services, client, County("620102"), _application())


async def _trail_types(services: RunningServices, case: str) -> set[str]:
    inspector = _api(services, "supervision", "inspector", "620102")
    answer = await call(inspector, get_case_audit_trail, case_id=case, limit=200)
    return {e["type"] for e in answer.json()["entries"]} if answer.status_code == 200 else set()


async def _handle_complaint(services: RunningServices, case: str) -> str:
    body = {
        "channel": "hotline",
        "complainant": {"name": "李举报", "phone": "13800138000"},
        "division_code": TOWNSHIP,
        "subject_case_id": case,
        "allegation": "false_claim",
        "summary": "该户隐瞒收入",
    }
    registrar = _api(services, "supervision", "inspector", "620102")
    complaint = await call(registrar, register_complaint, body=body)
    assert complaint.status_code == 201, complaint.text
    current = complaint.json()
    steps: list[tuple[ModuleType, dict[str, Any], str]] = [
        (assign_complaint, {"inspector_id": INSPECTOR}, "city_officer"),
        (verify_complaint, {"upheld": True, "findings": "入户核实：隐瞒工资收入"}, "inspector"),
        (order_corrective_action, {"action": "recheck", "programme": "urban_dibao",
                                   "reason": "举报查实：隐瞒收入"}, "inspector"),
        (close_complaint, {"feedback": "已查实并责令复核"}, "inspector"),
    ]  # fmt: skip
    for operation, step_body, role in steps:
        subject = INSPECTOR if role == "inspector" else "chief"  # assigned by another person
        staff = _api(services, "supervision", role, "620100", subject=subject)
        answer = await call(
            staff, operation, f'"{current["version"]}"',
            complaint_id=current["complaint_id"], body=step_body,
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
        current = answer.json()
    return str(current["complaint_id"])


@pytest.mark.req("SUP-1", "SUP-2")
async def test_an_upheld_complaint_reaches_the_case_trail_and_verification(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        await services.wait_until_healthy(client)
        # given a case that intake accepted and verification opened
        case = await _submit_case(services, client)
        await eventually(
            lambda: _has(services, case, {"verification.CaseOpened"}), message="no case"
        )
        # when a complaint about it is upheld and a re-check ordered
        await _handle_complaint(services, case)
        # then the order stands in the case's trail beside intake's and verification's events
        await eventually(
            lambda: _has(services, case, {"supervision.CorrectiveActionOrdered"}),
            message="the corrective action never reached the case's trail",
        )
        types = await _trail_types(services, case)
        assert {"intake.ApplicationSubmitted", "verification.CaseOpened"} <= types
        auditor = _api(services, "supervision", "auditor", "62")
        verdict = await call(auditor, verify_case_audit_trail, case_id=case)
        assert verdict.json()["ok"] is True, verdict.text


async def _has(services: RunningServices, case: str, want: set[str]) -> bool:
    return want <= await _trail_types(services, case)


@pytest.mark.req("SUP-1")
async def test_sql_edits_in_a_source_database_and_in_the_copy_are_named(
    services: RunningServices,
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        await services.wait_until_healthy(client)
        auditor = _api(services, "supervision", "auditor", "62")
        # given a case whose trail reached supervision, sealed into a digest
        case = await _submit_case(services, client)
        await eventually(
            lambda: _has(services, case, {"intake.ApplicationSubmitted"}), message="trail"
        )
        sealed = await call(auditor, seal_audit_digest)
        assert sealed.status_code == 201, sealed.text
        # when someone edits the application event in intake's own database with SQL
        position = await _tamper_source(services.database_urls["intake"], case)
        rows = await _source_rows(services.database_urls["intake"])
        checked = await call(auditor, check_source_log, body={"service": "intake", "events": rows})
        # then the check names that position, against its own chain and against the copy
        assert checked.status_code == 200, checked.text
        named = {(f["position"], f["problem"]) for f in checked.json()["findings"]}
        assert (position, "differs from supervision's copy") in named
        assert {p for p, _ in named} == {position}
        # and when the copy in supervision's database is edited too, the digest names it
        await _tamper_copy(services.database_urls["supervision"], case)
        verdict = (await call(auditor, verify_audit_digests)).json()
        assert verdict["ok"] is False
        assert [(f["service"], f["position"]) for f in verdict["findings"]] == [
            ("intake", position)
        ]


async def _tamper_source(database_url: str, case: str) -> int:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            return int(
                (
                    await conn.execute(
                        text(
                            "UPDATE events SET data = jsonb_set(data,"
                            " '{declared_monthly_income_fen}', '1') WHERE stream_id LIKE :s"
                            " AND type = 'intake.ApplicationSubmitted' RETURNING position"
                        ),
                        {"s": f"%{case}%"},
                    )
                ).scalar_one()
            )
    finally:
        await engine.dispose()


async def _tamper_copy(database_url: str, case: str) -> None:
    engine = create_engine(database_url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "UPDATE audit_trail SET data = jsonb_set(data,"
                    " '{declared_monthly_income_fen}', '1') WHERE case_id = :c"
                    " AND type = 'intake.ApplicationSubmitted'"
                ),
                {"c": case},
            )
    finally:
        await engine.dispose()


async def _source_rows(database_url: str) -> list[dict[str, Any]]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            result = await conn.execute(
                text(
                    "SELECT event_id, stream_id, stream_version, position, type, schema_version,"
                    " occurred_at, recorded_at, data, metadata, prev_hash, hash"
                    " FROM events ORDER BY position"
                )
            )
            return [_json_row(dict(r._mapping)) for r in result]
    finally:
        await engine.dispose()


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        **row,
        "event_id": str(row["event_id"]),
        "occurred_at": row["occurred_at"].isoformat(),
        "recorded_at": row["recorded_at"].isoformat(),
    }
