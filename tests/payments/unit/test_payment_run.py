"""The payment run's rules (社会化发放, PAY-3): one run per county and period, within the funds
(PAY-7) unless an override is recorded, return files once, completion once."""

from __future__ import annotations

from datetime import date

import pytest

from payments.domain.events import register_events
from payments.domain.funds import InsufficientFunds
from payments.domain.run import (
    BankReturnImported,
    PaymentRun,
    PaymentRunStarted,
    PeriodClosed,
    PeriodNotDue,
    RunAlreadyStarted,
    ensure_due,
)
from shared.clock import ManualClock, current_period
from shared.domain.errors import ConcurrencyConflict
from tests.in_memory import PINNED, in_memory, staff

PERIOD = current_period(ManualClock(PINNED))
RUN = PaymentRun.id_for("620105", PERIOD)


def returned(sha: str, settled: int = 9, failed: int = 1) -> BankReturnImported:
    return BankReturnImported(RUN, "B001", sha, settled + failed, settled, failed, 0)


@pytest.mark.req("PAY-3")
def test_a_run_is_started_once_for_its_county_and_period() -> None:
    run = PaymentRun(RUN)
    run.start("620105", PERIOD, channel="file")
    assert (run.status, run.channel, RUN) == ("executing", "file", f"620105-{PERIOD}")
    with pytest.raises(RunAlreadyStarted) as refused:
        run.start("620105", PERIOD)
    assert refused.value.status == 409 and refused.value.extensions == {"run_id": RUN}


@pytest.mark.req("PAY-3", "PAY-7")
def test_a_run_beyond_the_funds_needs_a_recorded_override() -> None:
    # when a run 1,000 yuan short of funds is started without a reason, it is refused
    run = PaymentRun(RUN)
    with pytest.raises(InsufficientFunds) as refused:
        run.start("620105", PERIOD, 500_000, 400_000, 100_000, short_programmes=("rural_dibao",))
    assert refused.value.extensions == {
        "needed_fen": 500_000, "available_fen": 400_000, "shortfall_fen": 100_000,
        "short_programmes": ["rural_dibao"],
    }  # fmt: skip
    assert "rural_dibao" in refused.value.detail_en
    assert run.pending == []
    # with the reason, it starts and the shortfall and reason are recorded
    run.start("620105", PERIOD, 500_000, 400_000, 100_000, "省级资金已批复，待到位")
    assert run.pending == [
        PaymentRunStarted(
            RUN, "620105", PERIOD, 500_000, 400_000, 100_000, "省级资金已批复，待到位"
        )
    ]


@pytest.mark.req("PAY-3")
def test_a_reason_given_without_a_shortfall_is_not_recorded_as_an_override() -> None:
    run = PaymentRun(RUN)
    run.start("620105", PERIOD, 300_000, 400_000, 0, "以防万一")
    assert run.started is not None and run.started.funds_override_reason is None


@pytest.mark.req("PAY-3")
def test_retries_reopen_the_run_round_by_round_and_completion_is_recorded_once() -> None:
    run = PaymentRun(RUN)
    run.start("620105", PERIOD)
    assert run.complete(10, 9, 900_000, 1)
    run.retried(1)
    assert (run.status, run.round) == ("executing", 1)
    assert run.complete(10, 10, 1_000_000, 0)
    assert not run.complete(10, 10, 1_000_000, 0)  # already closed: nothing more recorded
    assert [type(e).__name__ for e in run.pending].count("PaymentRunCompleted") == 2


@pytest.mark.req("PAY-3")
def test_a_return_file_is_imported_once_by_its_digest() -> None:
    run = PaymentRun(RUN)
    run.start("620105", PERIOD, channel="file")
    assert run.import_return(returned("a" * 64))
    assert not run.import_return(returned("a" * 64, settled=10, failed=0))
    assert run.import_return(returned("b" * 64))
    assert set(run.returns) == {"a" * 64, "b" * 64} and run.returns["a" * 64].failed == 1


@pytest.mark.req("PAY-3")
async def test_a_run_started_twice_at_once_is_stored_once() -> None:
    # given two officers starting the same county's run for the period on fresh copies
    repository = in_memory(PaymentRun, register_events)
    first, second = PaymentRun(RUN), PaymentRun(RUN)
    first.start("620105", PERIOD, channel="file")
    second.start("620105", PERIOD)
    await repository.save(first, staff("启动发放", role="county_officer"), None)
    # then the second, expecting a new stream, conflicts; the stored run is the first
    with pytest.raises(ConcurrencyConflict) as conflict:
        await repository.save(second, staff("启动发放", role="county_officer"), None)
    assert (conflict.value.expected, conflict.value.actual) == (0, 1)
    loaded = await repository.get(RUN)
    assert (loaded.status, loaded.channel, loaded.version) == ("executing", "file", 1)
    with pytest.raises(RunAlreadyStarted):
        loaded.start("620105", PERIOD)


@pytest.mark.req("PAY-3")
def test_a_run_pays_from_last_month_to_next_month_across_the_year() -> None:
    # given China's date in January
    in_january = date(2027, 1, 3)
    # then last December, January and February may be paid
    for period in ("2026-12", "2027-01", "2027-02"):
        ensure_due(period, in_january)
    # and neither November nor March
    with pytest.raises(PeriodClosed) as closed:
        ensure_due("2026-11", in_january)
    assert closed.value.extensions == {"field": "period", "earliest_period": "2026-12"}
    with pytest.raises(PeriodNotDue):
        ensure_due("2027-03", in_january)
