"""The deadline watcher: raises ReferralOverdue and UrgentCaseOverdue once each (INT-5, INT-6)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from intake.domain.referral import Referral
from intake.domain.urgent import UrgentCase
from intake.policy import IntakePolicy
from shared.application.repository import Repository
from shared.clock import CHINA, Clock
from shared.domain.errors import ConcurrencyConflict
from shared.eventstore.envelope import Actor, EventMetadata

log = logging.getLogger(__name__)
SERVICE = "intake"


class DeadlineWatcher:
    """Finds open referrals and urgent cases past their deadline and escalates them."""

    def __init__(
        self,
        engine: AsyncEngine,
        referrals: Repository[Referral],
        urgent_cases: Repository[UrgentCase],
        clock: Clock,
        policy: IntakePolicy,
    ) -> None:
        self.engine = engine
        self.referrals = referrals
        self.urgent_cases = urgent_cases
        self.clock = clock
        self.policy = policy

    async def tick(self) -> int:
        """One pass: escalate everything overdue now; return how many were escalated."""
        now = self.clock.now()
        referrals = await self._ids(
            "SELECT referral_id FROM referrals_view WHERE status = 'open' AND NOT overdue"
            " AND acknowledge_by < :today ORDER BY acknowledge_by",
            {"today": now.astimezone(CHINA).date()},
        )
        urgent = await self._ids(
            "SELECT urgent_case_id FROM urgent_cases_view WHERE status = 'open' AND NOT overdue"
            " AND respond_by < :now ORDER BY respond_by",
            {"now": now},
        )
        escalated = 0
        for referral_id in referrals:
            escalated += await self._escalate(self.referrals, referral_id, now)
        for case_id in urgent:
            escalated += await self._escalate(self.urgent_cases, case_id, now)
        return escalated

    async def run(self, stop: asyncio.Event) -> None:
        """Tick until `stop` is set; a failing pass is logged and retried on the next tick."""
        while not stop.is_set():
            try:
                await self.tick()
            except Exception:
                log.exception("deadline watcher pass failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.policy.watch_interval_s)

    async def _ids(self, query: str, params: dict[str, object]) -> list[str]:
        async with self.engine.connect() as conn:
            return [str(r[0]) for r in await conn.execute(text(query), params)]

    async def _escalate(self, repository: Repository[Any], item_id: str, now: datetime) -> int:
        async with self.engine.begin() as conn:
            aggregate = await repository.get(item_id, conn)
            raised = (
                aggregate.escalate_if_overdue(now.astimezone(CHINA).date())
                if isinstance(aggregate, Referral)
                else isinstance(aggregate, UrgentCase) and aggregate.escalate_if_overdue(now)
            )
            if not raised:
                return 0
            try:
                await repository.save(aggregate, _metadata(_case_of(aggregate)), conn)
            except ConcurrencyConflict:
                return 0  # acknowledged or responded meanwhile: the next tick re-decides
        return 1


def _case_of(aggregate: Referral | UrgentCase) -> str:
    """The case the escalation belongs to: a referral's case when it names one."""
    if isinstance(aggregate, Referral) and aggregate.opened and aggregate.opened.case_id:
        return aggregate.opened.case_id
    return aggregate.id


def _metadata(item_id: str) -> EventMetadata:
    return EventMetadata(
        actor=Actor.system(SERVICE),
        channel="scheduler",
        reason="期限届满未签收/未响应，升级督办 (deadline passed: escalated)",
        case_id=item_id,
    )
