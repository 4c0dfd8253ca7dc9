"""One-off payments (PAY-8): prior assistance from intake's green channel, within its cap.

A grant becomes a payment at once (its own business key: case, programme, month of the grant),
sent by the service's run loop without waiting for the monthly run. The cap is checked again
here: *default* 3× the local monthly urban dibao standard per person (INT-7).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.application.enrol import local_standard
from payments.domain.payment import (
    OneOffPaymentRefused,
    Payment,
    PaymentInstructed,
    payment_id_for,
    payment_key,
)
from shared.clock import period_of
from shared.eventstore.envelope import EventMetadata
from shared.identity import validate_resident_id

CAP_MULTIPLE = 3  # *default*
ONE_OFF_RUN_PREFIX = "oneoff-"


def refusal_stream(case_id: str, programme: str) -> str:
    """The stream of a case's refused one-off grants."""
    return f"oneoff-refusal-{case_id}:{programme}"


async def pay_prior_assistance(
    data: dict[str, Any],
    granted_on: date,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> str:
    """Instruct the grant's payment, or record why it cannot be paid; the outcome's name."""
    period = period_of(granted_on)
    key = payment_key(data["case_id"], data["programme"], period)
    if await repos.payments.find(key, conn) is not None:
        return "duplicate"
    county, amount = data["division_code"][:6], int(data["amount_fen"])
    cap = (
        int(data["cap_fen"])
        if data.get("cap_fen")
        else await _own_cap(data, granted_on, repos, conn)
    )
    refusal = _refusal(data, amount, cap)
    if refusal is not None:
        await _refuse(data, amount, cap, refusal, metadata, repos, conn)
        return "refused"
    payment = Payment(key)
    payment_id = payment_id_for(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id, run_id=f"{ONE_OFF_RUN_PREFIX}{county}",
            case_id=data["case_id"], programme=data["programme"], period=period,
            division_code=data["division_code"], amount_fen=amount, monthly_fen=0,
            back_pay_fen=0, attempt=1, instruction_id=f"{payment_id}-1",
            payee_name=validate_resident_id(data["resident_id"]).masked(),
            bank_account=data["bank_account"],
        )
    )  # fmt: skip
    await repos.payments.save(payment, metadata, conn, expected_version=0)
    return "instructed"


async def _own_cap(
    data: dict[str, Any], granted_on: date, repos: Repositories, conn: AsyncConnection
) -> int | None:
    """The cap of a grant recorded before intake stated its own (its cap_fen, under intake's
    policy multiple, is the one cap since): 3 × the urban standard in force × persons."""
    standard = await local_standard(repos, conn, data["division_code"][:6], "urban_dibao")
    in_force = standard.in_force(granted_on) if standard else None
    persons = await _persons(conn, data)
    return CAP_MULTIPLE * in_force.monthly_per_person_fen * persons if in_force else None


async def _persons(conn: AsyncConnection, data: dict[str, Any]) -> int:
    """People the grant covers: `persons` as intake sends it, else the household we know, else 1.

    The cap is per person (INT-7); grants recorded before intake sent `persons` do not carry it.
    """
    if data.get("persons"):
        return int(data["persons"])
    row = (
        await conn.execute(
            text("SELECT household_size FROM case_pipeline WHERE case_id = :c"),
            {"c": data["case_id"]},
        )
    ).first()
    return int(row.household_size) if row else 1


def _refusal(data: dict[str, Any], amount: int, cap: int | None) -> str | None:
    if cap is None:
        return "no urban dibao standard in force to check the cap 无城市低保标准，无法核对限额"
    if amount > cap:
        return f"amount_fen {amount} exceeds the cap {cap} (3× standard per person) 超过限额"
    if not data.get("bank_account"):
        return "no bank account: pay in cash at the township 无银行账户，请乡镇现金发放"
    return None


async def _refuse(
    data: dict[str, Any],
    amount: int,
    cap: int | None,
    reason: str,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> None:
    event = OneOffPaymentRefused(data["case_id"], data["programme"], amount, cap, reason)
    new = repos.payments.registry.serialize(event, metadata)
    stream = refusal_stream(data["case_id"], data["programme"])
    await repos.payments.store.append(stream, [new], None, conn)
