"""The funds account's rules (PAY-7): allocations by source, arrivals never beyond them."""

from __future__ import annotations

import pytest

from payments.domain.events import register_events
from payments.domain.funds import (
    FUNDED_PROGRAMMES,
    ArrivalExceedsAllocation,
    FundsAccount,
    FundsAllocated,
    FundsArrived,
)
from payments.domain.programmes import PROGRAMME_KINDS
from payments.domain.standards import STANDARD_PROGRAMMES
from shared.domain.errors import ConcurrencyConflict
from tests.in_memory import in_memory, staff

pytestmark = pytest.mark.req("PAY-7")

ACCOUNT = FundsAccount.id_for("620105", "urban_dibao")


def allocated(source: str, amount_fen: int) -> FundsAllocated:
    return FundsAllocated(
        "620105", "urban_dibao", source, amount_fen, f"甘财社〔2027〕{amount_fen}号"
    )


def arrived(source: str, amount_fen: int) -> FundsArrived:
    return FundsArrived("620105", "urban_dibao", source, amount_fen)


def funded() -> FundsAccount:
    """Anning's urban dibao account: 1,000,000 yuan from the centre, 200,000 from the province."""
    account = FundsAccount(ACCOUNT)
    account.allocate(allocated("central", 100_000_000))
    account.allocate(allocated("provincial", 20_000_000))
    return account


def test_the_account_is_kept_per_county_and_programme() -> None:
    assert ACCOUNT == "620105:urban_dibao"
    assert FundsAccount(ACCOUNT).stream_id == "funds-620105:urban_dibao"


def test_allocations_of_a_source_add_up_and_arrivals_are_counted_per_source() -> None:
    account = funded()
    account.allocate(allocated("central", 5_000_000))
    account.arrive(arrived("central", 60_000_000))
    account.arrive(arrived("central", 45_000_000))  # up to the whole allocation
    assert account.allocated == {"central": 105_000_000, "provincial": 20_000_000}
    assert account.arrived == {"central": 105_000_000}


def test_more_arriving_from_a_source_than_it_allocated_is_refused() -> None:
    # given 200,000 yuan allocated by the province, 150,000 arrived
    account = funded()
    account.arrive(arrived("provincial", 15_000_000))
    # when 50,000.01 more arrive from it, or anything from a source that allocated nothing
    with pytest.raises(ArrivalExceedsAllocation) as refused:
        account.arrive(arrived("provincial", 5_000_001))
    with pytest.raises(ArrivalExceedsAllocation):
        account.arrive(arrived("county", 1))
    # then it is refused naming the amount, and the arrived total is unchanged
    assert refused.value.extensions == {"field": "amount_fen"}
    assert "20000001" in refused.value.detail_en and "20000000" in refused.value.detail_en
    assert account.arrived == {"provincial": 15_000_000} and len(account.pending) == 3


async def test_an_arrival_checked_against_a_stale_copy_cannot_be_saved() -> None:
    # given 200,000 yuan allocated by the province, saved, and loaded by two clerks
    repository = in_memory(FundsAccount, register_events)
    await repository.save(funded(), staff("资金下达", role="county_officer"), None)
    first, second = await repository.get(ACCOUNT), await repository.get(ACCOUNT)
    # when each records 150,000 yuan arrived (each fits on its own copy)
    first.arrive(arrived("provincial", 15_000_000))
    second.arrive(arrived("provincial", 15_000_000))
    await repository.save(first, staff("资金到位", role="county_officer"), None)
    # then the second conflicts, so arrivals never pass the allocation, and a reload refuses it
    with pytest.raises(ConcurrencyConflict):
        await repository.save(second, staff("资金到位", role="county_officer"), None)
    reloaded = await repository.get(ACCOUNT)
    assert reloaded.arrived == {"provincial": 15_000_000}
    with pytest.raises(ArrivalExceedsAllocation):
        reloaded.arrive(arrived("provincial", 15_000_000))


@pytest.mark.req("PAY-7")
def test_every_programme_payments_pays_can_be_funded() -> None:
    # a programme with a standard or a declared kind is one SafetyNet pays: it has funds
    assert {*STANDARD_PROGRAMMES, *PROGRAMME_KINDS} <= set(FUNDED_PROGRAMMES)
