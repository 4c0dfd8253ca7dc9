"""The detectors' memory (keyed facts, IDs and accounts only as hashes) and raising an alert."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.canonical import canonical_json
from shared.db import Migration
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore
from shared.privacy import pseudonym
from supervision.domain.alerts import AlertEvidenceUpdated, AlertRaised, Detector

DETECTOR_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "supervision-0004-detectors",
        (
            """CREATE TABLE det_cases (case_id text, programme text, division_code text NOT NULL,
                income_fen bigint NOT NULL, rural_class integer, household_size integer NOT NULL,
                PRIMARY KEY (case_id, programme))""",
            """CREATE TABLE det_members (resident_key text, case_id text, programme text,
                relation text NOT NULL, masked text NOT NULL,
                PRIMARY KEY (resident_key, case_id, programme))""",
            "CREATE INDEX det_members_case_idx ON det_members (case_id)",
            """CREATE TABLE det_accounts (account_key text, case_id text, masked text NOT NULL,
                division_code text NOT NULL, PRIMARY KEY (account_key, case_id))""",
            """CREATE TABLE det_amounts (case_id text, programme text, village text NOT NULL,
                amount_fen bigint NOT NULL, PRIMARY KEY (case_id, programme))""",
            "CREATE INDEX det_amounts_village_idx ON det_amounts (village)",
            """CREATE TABLE det_terminations (case_id text, programme text,
                effective_from date NOT NULL, PRIMARY KEY (case_id, programme))""",
            """CREATE TABLE det_deaths (resident_key text, case_id text,
                reported_at timestamptz NOT NULL, source text NOT NULL,
                PRIMARY KEY (resident_key, case_id))""",
            """CREATE TABLE det_assets (resident_key text, case_id text, source text,
                assets_fen bigint NOT NULL, PRIMARY KEY (resident_key, case_id, source))""",
            """CREATE TABLE det_payments (payment_id text PRIMARY KEY, case_id text NOT NULL,
                programme text NOT NULL, period text NOT NULL, amount_fen bigint NOT NULL)""",
            "CREATE INDEX det_payments_case_idx ON det_payments (case_id, programme)",
            """CREATE TABLE det_staff_relatives (relative_key text, staff_key text,
                org text NOT NULL, role text NOT NULL, PRIMARY KEY (relative_key, staff_key))""",
            """CREATE TABLE det_declared (case_id text, resident_key text,
                PRIMARY KEY (case_id, resident_key))""",
            """CREATE TABLE det_alerts (detector text, key text, alert_id text NOT NULL,
                PRIMARY KEY (detector, key))""",
        ),
    ),
)


DETECTOR_MIGRATIONS = (
    *DETECTOR_MIGRATIONS,
    # The day of death a partner department reported (absent when only verification evidence
    # said `deceased`: then the report's instant stands for it).
    Migration(
        "supervision-0009-det-deaths-died-on",
        ("ALTER TABLE det_deaths ADD COLUMN IF NOT EXISTS died_on date",),
    ),
    # Where each piece of work with a deadline lies (a verification case, a referral, an urgent
    # case), remembered when it opens: the overdue events name the item, not its division.
    Migration(
        "supervision-alerts-0002-det-deadline-items",
        (
            """CREATE TABLE det_deadline_items (item text PRIMARY KEY, case_id text NOT NULL,
                division_code text NOT NULL, facts jsonb NOT NULL)""",
        ),
    ),
    # What each alert last said (its cases and evidence, canonical JSON): a later event that
    # changes them appends `supervision.AlertEvidenceUpdated` to the alert, once per change.
    Migration(
        "supervision-alerts-0003-det-alert-facts",
        ("ALTER TABLE det_alerts ADD COLUMN IF NOT EXISTS facts text",),
    ),
    # When each payment went out, and the county's resumptions (ADR 0066): a payment after a
    # member's death is covered by a resumption decided with that death on record.
    Migration(
        "supervision-alerts-0004-det-resumptions",
        (
            "ALTER TABLE det_payments ADD COLUMN IF NOT EXISTS settled_at timestamptz",
            """CREATE TABLE det_resumptions (event_id text PRIMARY KEY, case_id text NOT NULL,
                programme text NOT NULL, effective_from date NOT NULL,
                decided_at timestamptz NOT NULL)""",
            "CREATE INDEX det_resumptions_case_idx ON det_resumptions (case_id, programme)",
        ),
    ),
    # When each termination was decided: a back-dated one does not make irregular the months
    # paid before it was recorded.
    Migration(
        "supervision-alerts-0005-det-terminations-recorded-at",
        ("ALTER TABLE det_terminations ADD COLUMN IF NOT EXISTS recorded_at timestamptz",),
    ),
)


def key_of(value: str, key: bytes) -> str:
    """The detectors' key for a resident ID or account: its keyed pseudonym under the
    deployment's key (the public topics' own, ADR 0020), never the number, nor a hash anyone can
    recompute from the masked number beside it (found by probing)."""
    return pseudonym(value.replace(" ", "").replace("-", ""), key)


@dataclass(frozen=True)
class DetectorContext:
    """What a rule needs: the transaction, the event at hand, and how to raise an alert."""

    conn: AsyncConnection
    event: RecordedEvent
    store: EventStore
    registry: EventRegistry
    pseudonym_key: bytes = field(repr=False)

    def key_of(self, value: str) -> str:
        """The detectors' key for a resident ID or account (`key_of`)."""
        return key_of(value, self.pseudonym_key)

    async def rows(self, sql: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of a query in this transaction."""
        return [dict(r._mapping) for r in await self.conn.execute(text(sql), params)]

    async def run(self, sql: str, **params: Any) -> None:
        """Execute a statement in this transaction."""
        await self.conn.execute(text(sql), params)

    async def raise_alert(
        self,
        detector: Detector,
        key: str,
        division_code: str,
        case_ids: list[str],
        summary_zh: str,
        evidence: dict[str, Any],
    ) -> bool:
        """Append `supervision.AlertRaised` once per (detector, key); False when already raised."""
        alert_id = str(uuid.uuid4())
        claimed = await self.rows(
            "INSERT INTO det_alerts (detector, key, alert_id, facts) VALUES (:d, :k, :a, :f)"
            " ON CONFLICT DO NOTHING RETURNING alert_id",
            d=detector.value,
            k=key,
            a=alert_id,
            f=_facts(case_ids, evidence),
        )
        if not claimed:
            return False
        alert = AlertRaised(
            alert_id,
            detector,
            key,
            division_code,
            tuple(sorted(set(case_ids))),
            summary_zh,
            {**evidence, "triggered_by": self._trigger()},
        )
        metadata = self.event.metadata.caused_by(
            self.event, Actor.system("supervision"), "detector", f"{detector.value}: {summary_zh}"
        )
        metadata = EventMetadata(**{**metadata.__dict__, "case_id": alert.case_ids[0]})
        await self.store.append(
            f"alert-{alert_id}", [self.registry.serialize(alert, metadata)], 0, self.conn
        )
        return True

    async def raise_or_update(
        self,
        detector: Detector,
        key: str,
        division_code: str,
        case_ids: list[str],
        summary_zh: str,
        evidence: dict[str, Any],
    ) -> None:
        """Raise the (detector, key) alert, or, raised already, bring its cases and evidence up
        to date with `supervision.AlertEvidenceUpdated` when they changed."""
        if await self.raise_alert(detector, key, division_code, case_ids, summary_zh, evidence):
            return
        facts = _facts(case_ids, evidence)
        changed = await self.rows(
            "UPDATE det_alerts SET facts = :f WHERE detector = :d AND key = :k"
            " AND facts IS DISTINCT FROM :f RETURNING alert_id",
            d=detector.value,
            k=key,
            f=facts,
        )
        if not changed:
            return
        alert_id = str(changed[0]["alert_id"])
        update = AlertEvidenceUpdated(
            alert_id,
            detector,
            key,
            tuple(sorted(set(case_ids))),
            summary_zh,
            {**evidence, "triggered_by": self._trigger()},
        )
        metadata = self.event.metadata.caused_by(
            self.event, Actor.system("supervision"), "detector", f"{detector.value}: {summary_zh}"
        )
        metadata = EventMetadata(**{**metadata.__dict__, "case_id": update.case_ids[0]})
        stream = f"alert-{alert_id}"
        head = await self.rows(
            "SELECT stream_version FROM events WHERE stream_id = :s"
            " ORDER BY stream_version DESC LIMIT 1",
            s=stream,
        )
        version = int(head[0]["stream_version"]) if head else 0
        await self.store.append(
            stream, [self.registry.serialize(update, metadata)], version, self.conn
        )

    def _trigger(self) -> dict[str, str]:
        return {"type": self.event.type, "event_id": str(self.event.event_id)}


def _facts(case_ids: list[str], evidence: dict[str, Any]) -> str:
    """What an alert says, to tell whether a later event changed it."""
    return canonical_json({"case_ids": sorted(set(case_ids)), "evidence": evidence})
