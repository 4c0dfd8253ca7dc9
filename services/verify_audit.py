"""`python -m services verify-audit <case>|--all`: re-walk hash chains in every service's store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from services.settings import SERVICES, Settings
from services.status import attach_embedded
from shared.db import create_engine
from shared.eventstore.store import EventStore, StreamVerification

Progress = Callable[[str, int, int], None]
_CASE_STREAMS = text(
    "SELECT DISTINCT stream_id FROM events"
    " WHERE metadata->>'case_id' = :case OR stream_id = :case ORDER BY stream_id"
)


@dataclass
class AuditReport:
    """How many streams were walked per service and which chains are broken."""

    streams: dict[str, int] = field(default_factory=dict)
    broken: list[tuple[str, StreamVerification]] = field(default_factory=list)
    unreachable: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every chain walked is whole and every database answered."""
        return not self.broken and not self.unreachable


async def verify_audit(
    settings: Settings,
    case_id: str | None = None,
    services: Sequence[str] = SERVICES,
    progress: Progress | None = None,
) -> AuditReport:
    """Verify every stream (case_id None) or the streams of one case, in every service's store."""
    settings = attach_embedded(settings)
    report = AuditReport()
    for service in services:
        engine = create_engine(settings.database_url_for(service))
        try:
            await _verify_service(engine, service, case_id, report, progress)
        except Exception as error:  # one store must not hide the rest
            report.unreachable[service] = f"{type(error).__name__}: {error}"
        finally:
            await engine.dispose()
    return report


async def _verify_service(
    engine: AsyncEngine,
    service: str,
    case_id: str | None,
    report: AuditReport,
    progress: Progress | None,
) -> None:
    store = EventStore(engine)
    streams = await (store.stream_ids() if case_id is None else _case_streams(engine, case_id))
    report.streams[service] = len(streams)
    for done, stream_id in enumerate(streams, start=1):
        verdict = await store.verify_stream(stream_id)
        if not verdict.ok:
            report.broken.append((service, verdict))
        if progress is not None:
            progress(service, done, len(streams))


async def _case_streams(engine: AsyncEngine, case_id: str) -> list[str]:
    async with engine.connect() as conn:
        return list((await conn.execute(_CASE_STREAMS, {"case": case_id})).scalars())


def progress_bar(service: str, done: int, total: int) -> None:
    """A one-line progress bar on stderr, finished with a newline at the last stream."""
    width = 30
    filled = int(width * done / total) if total else width
    sys.stderr.write(f"\r{service:<13}[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def render(report: AuditReport) -> str:
    """A printable verdict: streams walked per service, then every broken chain by position."""
    lines = [f"{s:<13} {n} streams walked" for s, n in report.streams.items()]
    lines += [f"{s:<13} UNREACHABLE {why}" for s, why in report.unreachable.items()]
    for service, verdict in report.broken:
        lines.append(
            f"{service:<13} BROKEN {verdict.stream_id}: {verdict.checked} events intact,"
            f" first bad version {verdict.first_bad_version}: {verdict.problem}"
        )
    lines.append("all chains intact" if report.ok else "AUDIT FAILED")
    return "\n".join(lines)


async def verify_audit_command(
    settings: Settings, case_id: str | None, all_streams: bool = False
) -> int:
    """The CLI command: 0 when every chain is intact, 1 otherwise."""
    if (case_id is None) == (not all_streams):
        raise SystemExit("verify-audit needs either a case id or --all")
    report = await verify_audit(settings, case_id, progress=progress_bar)
    print(render(report))
    return 0 if report.ok else 1
