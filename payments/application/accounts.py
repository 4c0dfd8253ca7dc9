"""Changing the account a benefit is paid into after approval (PAY-3)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncConnection

from payments.application.context import Repositories
from payments.domain.beneficiary import Beneficiary
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import EventMetadata
from shared.privacy import mask_bank_account


@dataclass(frozen=True)
class ChangeBankAccount:
    """Pay a benefit into another account from the next run on."""

    case_id: str
    programme: str
    bank_account: str
    expected_version: int
    metadata: EventMetadata


async def change_bank_account(
    cmd: ChangeBankAccount, repos: Repositories, conn: AsyncConnection
) -> Beneficiary:
    """Record BankAccountChanged (nothing when the account is the same); the beneficiary."""
    aggregate_id = Beneficiary.id_for(cmd.case_id, cmd.programme)
    beneficiary = await repos.beneficiaries.get(aggregate_id, conn)
    if beneficiary.version != cmd.expected_version:
        raise ConcurrencyConflict(beneficiary.stream_id, cmd.expected_version, beneficiary.version)
    if beneficiary.change_account(cmd.bank_account, mask_bank_account(cmd.bank_account)):
        await repos.beneficiaries.save(beneficiary, cmd.metadata, conn, cmd.expected_version)
    return beneficiary
