"""Prior assistance from intake's green channel is paid at once, within its cap (PAY-8)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from payments.entrypoints.loops import _once
from tests.payments.integration.test_runs import DECISIONS, set_standard
from tests.payments.support import TODAY, TOWNSHIP, Payments, foreign_event
from tests.support import days_from


def granted(
    case_id: str, amount_fen: int, account: str | None = "6228480012345678901", persons: int = 1
) -> object:
    return foreign_event(
        "intake.PriorAssistanceGranted",
        {"case_id": case_id, "programme": "temporary_assistance", "amount_fen": amount_fen,
         "division_code": TOWNSHIP, "resident_id": "11010519491231002X",
         "bank_account": account, "verification_due": days_from(TODAY, 6),
         "follow_up_programmes": ["urban_dibao"], **({"persons": persons} if persons > 1 else {})},
        case_id,
    )  # fmt: skip


@pytest.mark.req("PAY-8")
async def test_prior_assistance_is_paid_at_once_within_its_cap(payments: Payments) -> None:
    async with payments.client() as client:
        # given an urban dibao standard of 700 yuan: the cap is 3 × 700 = 2,100 yuan
        await set_standard(payments, client, 70_000)
        # when intake grants 2,100 yuan to one household and 2,100.01 yuan to another
        within = granted("urgent-1", 210_000)
        await payments.consume(DECISIONS, within)  # type: ignore[arg-type]
        await payments.consume(DECISIONS, within)  # type: ignore[arg-type]
        await payments.consume(DECISIONS, granted("urgent-2", 210_001))  # type: ignore[arg-type]
        # and 4,200 yuan to a household of two people (the cap is per person)
        await payments.consume(
            DECISIONS,
            granted("urgent-3", 420_000, persons=2),  # type: ignore[arg-type]
        )
        # and the service's run loop goes round once
        await _once(payments.runtime.app.state.executor)
        await payments.settle_projections()
        # then the first is paid once, without waiting for a monthly run
        ledger = await client.get("/v1/cases/urgent-1/payments", headers=payments.headers())
        other_county = await client.get(
            "/v1/cases/urgent-1/payments", headers=payments.headers(division="620103")
        )
    async with payments.runtime.engine.connect() as conn:
        rows = list(
            await conn.execute(
                text("SELECT case_id, amount_fen, status FROM payments_view ORDER BY case_id")
            )
        )
        refused = list(
            await conn.execute(
                text("SELECT data FROM events WHERE type = 'payments.OneOffPaymentRefused'")
            )
        )
    assert [(r.case_id, r.amount_fen, r.status) for r in rows] == [
        ("urgent-1", 210_000, "settled"),
        ("urgent-3", 420_000, "settled"),
    ]
    # and the second is refused with the cap and a reason, never paid
    assert len(refused) == 1
    assert refused[0].data["cap_fen"] == 210_000 and "cap" in refused[0].data["reason"]
    # and the case's ledger shows the payment to its county only, account masked
    assert [(p["programme"], p["status"]) for p in ledger.json()["items"]] == [
        ("temporary_assistance", "settled")
    ]
    assert "6228480012345678901" not in ledger.text
    assert other_county.status_code == 403


@pytest.mark.req("PAY-8", "INT-7")
async def test_the_cap_intake_stated_with_the_grant_is_the_one_payments_holds_to(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        # given a 700 yuan standard, and a province whose intake policy caps at 2× (1,400 yuan)
        await set_standard(payments, client, 70_000)
        stated = {"cap_fen": 140_000, "granted_on": TODAY.isoformat()}
        over = granted("urgent-5", 150_000)
        within = granted("urgent-6", 140_000)
        over.data.update(stated)  # type: ignore[attr-defined]
        within.data.update(stated)  # type: ignore[attr-defined]
        # when intake's grants arrive with the cap it applied
        await payments.consume(DECISIONS, over)  # type: ignore[arg-type]
        await payments.consume(DECISIONS, within)  # type: ignore[arg-type]
    async with payments.runtime.engine.connect() as conn:
        refused = list(
            await conn.execute(
                text("SELECT data FROM events WHERE type = 'payments.OneOffPaymentRefused'")
            )
        )
        instructed = list(
            await conn.execute(
                text("SELECT stream_id FROM events WHERE type = 'payments.PaymentInstructed'")
            )
        )
    # then 1,500 yuan is refused against intake's 1,400 (not payments' own 3 × 700 = 2,100)
    assert [r.data["cap_fen"] for r in refused] == [140_000]
    assert [r.stream_id for r in instructed] == [
        f"payment-urgent-6:temporary_assistance:{TODAY:%Y-%m}"
    ]
