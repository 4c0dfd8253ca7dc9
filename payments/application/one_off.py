"""One-off payments (PAY-8): prior assistance from intake's green channel, within its cap.

A grant becomes a payment at once (its own business key: case, programme, month of the grant),
sent by the service's run loop without waiting for the monthly run. The cap is checked again
here: *default* 3× the local monthly urban dibao standard per person (INT-7).
"""

from __future__ import annotations

from datetime import date

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
from shared.contracts.intake import PriorAssistanceGranted
from shared.eventstore.envelope import EventMetadata
from shared.identity import validate_resident_id

CAP_MULTIPLE = 3  # *default*
ONE_OFF_RUN_PREFIX = "oneoff-"


def refusal_stream(case_id: str, programme: str) -> str:
    """The stream of a case's refused one-off grants."""
    return f"oneoff-refusal-{case_id}:{programme}"


async def pay_prior_assistance(
    grant: PriorAssistanceGranted,
    granted_on: date,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> str:
    """Instruct the grant's payment, or record why it cannot be paid; the outcome's name."""
    period = period_of(granted_on)
    key = payment_key(grant.case_id, grant.programme, period)
    if await repos.payments.find(key, conn) is not None:
        return "duplicate"
    county, amount = grant.division_code[:6], grant.amount_fen
    cap = grant.cap_fen if grant.cap_fen else await _own_cap(grant, granted_on, repos, conn)
    refusal = _refusal(grant, cap)
    if refusal is not None:
        await _refuse(grant, cap, refusal, metadata, repos, conn)
        return "refused"
    assert grant.bank_account is not None  # a grant without one is refused
    payment = Payment(key)
    payment_id = payment_id_for(key)
    payment.instruct(
        PaymentInstructed(
            payment_id=payment_id,
            run_id=f"{ONE_OFF_RUN_PREFIX}{county}",
            case_id=grant.case_id,
            programme=grant.programme,
            period=period,
            division_code=grant.division_code,
            amount_fen=amount,
            monthly_fen=0,
            back_pay_fen=0,
            attempt=1,
            instruction_id=f"{payment_id}-1",
            # a grant recorded before intake asked for the holder's name names nobody: the
            # recipient's masked ID stands in, as it always has for those
            payee_name=grant.payee_name or validate_resident_id(grant.resident_id).masked(),
            bank_account=grant.bank_account,
        )
    )
    await repos.payments.save(payment, metadata, conn, expected_version=0)
    return "instructed"


async def _own_cap(
    grant: PriorAssistanceGranted, granted_on: date, repos: Repositories, conn: AsyncConnection
) -> int | None:
    """The cap of a grant recorded before intake stated its own (its cap_fen, under intake's
    policy multiple, is the one cap since): 3 × the urban standard in force × persons."""
    standard = await local_standard(repos, conn, grant.division_code[:6], "urban_dibao")
    in_force = standard.in_force(granted_on) if standard else None
    persons = await _persons(conn, grant)
    return CAP_MULTIPLE * in_force.monthly_per_person_fen * persons if in_force else None


async def _persons(conn: AsyncConnection, grant: PriorAssistanceGranted) -> int:
    """People the grant covers: `persons` as intake sends it, else the household we know, else 1.

    The cap is per person (INT-7); grants recorded before intake sent `persons` do not carry it
    (the contract then reads 1: only a grant that carried it is taken at its word).
    """
    if "persons" in grant.model_fields_set and grant.persons:
        return grant.persons
    row = (
        await conn.execute(
            text("SELECT household_size FROM case_pipeline WHERE case_id = :c"),
            {"c": grant.case_id},
        )
    ).first()
    return int(row.household_size) if row else 1


def _refusal(grant: PriorAssistanceGranted, cap: int | None) -> str | None:
    amount = grant.amount_fen
    if cap is None:
        return "no urban dibao standard in force to check the cap 无城市低保标准，无法核对限额"
    if amount > cap:
        return f"amount_fen {amount} exceeds the cap {cap} (3× standard per person) 超过限额"
    if not grant.bank_account:
        return "no bank account: pay in cash at the township 无银行账户，请乡镇现金发放"
    return None


async def _refuse(
    grant: PriorAssistanceGranted,
    cap: int | None,
    reason: str,
    metadata: EventMetadata,
    repos: Repositories,
    conn: AsyncConnection,
) -> None:
    event = OneOffPaymentRefused(grant.case_id, grant.programme, grant.amount_fen, cap, reason)
    new = repos.payments.registry.serialize(event, metadata)
    stream = refusal_stream(grant.case_id, grant.programme)
    await repos.payments.store.append(stream, [new], None, conn)
