"""A run shared by executors in partitions by case (ADR 0013): all paid once, one completion."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest
from sqlalchemy import text

from payments.application.executor import RunExecutor
from payments.application.instruct import active_beneficiaries
from payments.application.partitions import WHOLE, Partition
from services.simulators import bank as bank_simulator
from tests.payments.integration.test_runs import DECISIONS, set_standard
from tests.payments.support import COUNTY, PERIOD, Payments, approved

CASES = [f"case-{i:02d}" for i in range(24)]


def executor_of(payments: Payments, partitions: int) -> RunExecutor:
    """Another executor on the same database and bank, as a second replica would have."""
    serving: RunExecutor = payments.runtime.app.state.executor
    return RunExecutor(
        serving.engine,
        payments.runtime.store,
        payments.runtime.registry,
        payments.runtime.projections,
        serving.bank,
        chunk_size=5,
        partitions=partitions,
    )


async def start_run(payments: Payments, client: httpx.AsyncClient) -> str:
    await set_standard(payments, client)
    for case in CASES:
        await payments.consume(DECISIONS, approved(case))
    started = await client.post(
        "/v1/runs",
        json={"county_code": COUNTY, "period": PERIOD, "reason": "月度发放"},
        headers=payments.headers(),
    )
    assert started.status_code == 201, started.text
    await payments.settle_projections()
    return str(started.json()["run_id"])


async def completions(payments: Payments, run_id: str) -> int:
    async with payments.runtime.engine.connect() as conn:
        found = await conn.execute(
            text("SELECT count(*) FROM events WHERE stream_id = :s AND type = :t"),
            {"s": f"run-{run_id}", "t": "payments.PaymentRunCompleted"},
        )
        return int(found.scalar_one())


async def reconciled(
    payments: Payments, client: httpx.AsyncClient, run_id: str
) -> tuple[str, int, int, int]:
    """The run as its read model shows it: status, instructed, settled, settled fen."""
    await payments.settle_projections()
    run = (await client.get(f"/v1/runs/{run_id}", headers=payments.headers())).json()
    return run["status"], run["instructed"], run["settled"], run["settled_fen"]


def credited_cases() -> Counter[str]:
    return Counter(c["reference"].split(":")[0] for c in bank_simulator.bank.credits)


@pytest.mark.req("PAY-3")
async def test_partitions_divide_the_payables_without_overlap_or_gap(payments: Payments) -> None:
    async with payments.client() as client:
        await start_run(payments, client)
    async with payments.runtime.engine.connect() as conn:
        whole = await active_beneficiaries(conn, COUNTY, limit=100, partition=WHOLE)
        parts = [
            await active_beneficiaries(conn, COUNTY, limit=100, partition=Partition(i, 3))
            for i in range(3)
        ]
    assert len(whole) == len(CASES)
    assert sorted(p for part in parts for p in part) == whole  # every payable in exactly one
    assert all(parts), "24 cases hashed into 3 partitions leave none empty"


@pytest.mark.req("PAY-3")
async def test_two_executors_share_a_run_and_pay_every_household_once(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        run_id = await start_run(payments, client)
        # when two executors (two replicas) execute the run at the same time, in two partitions
        one, two = executor_of(payments, 2), executor_of(payments, 2)
        outcomes = await asyncio.gather(one.execute(run_id), two.execute(run_id))
        # then the last to finish its partition completed the run, once
        assert True in outcomes
        assert await completions(payments, run_id) == 1
        # and every household was credited exactly once
        assert credited_cases() == Counter(dict.fromkeys(CASES, 1))
        assert await reconciled(payments, client, run_id) == ("completed", 24, 24, 24 * 110_000)


@pytest.mark.req("PAY-3")
async def test_a_run_completes_only_when_every_partition_has_finished(
    payments: Payments,
) -> None:
    async with payments.client() as client:
        run_id = await start_run(payments, client)
        executor = executor_of(payments, 2)
        # given another executor busy with partition 1 (it holds that partition's lock)
        async with payments.runtime.engine.connect() as other:
            await other.execute(
                text("SELECT pg_advisory_lock(hashtext(:k))"), {"k": f"payments-run:{run_id}/1"}
            )
            await other.commit()
            # when this executor executes the run
            assert not await executor.execute(run_id)
            # then it paid partition 0 only and left the run open
            paid_first = credited_cases()
            assert 0 < sum(paid_first.values()) < len(CASES)
            assert await completions(payments, run_id) == 0
            await other.execute(
                text("SELECT pg_advisory_unlock(hashtext(:k))"), {"k": f"payments-run:{run_id}/1"}
            )
            await other.commit()
        # when it executes again once partition 1 is free
        assert await executor.execute(run_id)
        # then the rest is paid, nobody twice, and the run is completed with all of it
        assert credited_cases() == Counter(dict.fromkeys(CASES, 1))
        assert await completions(payments, run_id) == 1
        assert await reconciled(payments, client, run_id) == ("completed", 24, 24, 24 * 110_000)
