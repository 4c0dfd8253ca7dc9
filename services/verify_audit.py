"""`python -m services verify-audit <case>|--all`: re-walk hash chains in every service's store."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

from rich.console import RenderableType
from rich.text import Text
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from services import console
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


def render(report: AuditReport) -> str:
    """A printable verdict: streams walked per service, then every broken chain by position."""
    return console.to_text(*renderables(report))


def renderables(report: AuditReport) -> list[RenderableType]:
    """The services table, the broken chains (if any) and the verdict line."""
    blocks: list[RenderableType] = [
        console.table("audit trail", ("service", "streams walked", "chains"), _walked(report))
    ]
    if report.broken:
        broken = [
            (s, "BROKEN", v.stream_id, v.checked, v.first_bad_version, v.problem)
            for s, v in report.broken
        ]
        columns = ("service", "verdict", "stream", "intact events", "first bad version", "problem")
        blocks.append(console.table("broken chains", columns, broken))
    verdict = "all chains intact" if report.ok else "AUDIT FAILED"
    blocks.append(Text(verdict, style="bold green" if report.ok else "bold red"))
    return blocks


def _walked(report: AuditReport) -> list[tuple[str, int | None, str]]:
    """Per service: the streams walked and whether its chains are intact, broken or unreachable."""
    broken = Counter(service for service, _ in report.broken)
    rows = []
    for service in {**report.streams, **report.unreachable}:
        if service in report.unreachable:
            state = f"UNREACHABLE {report.unreachable[service]}"
        else:
            state = f"{broken[service]} broken" if broken[service] else "intact"
        rows.append((service, report.streams.get(service), state))
    return rows


def to_json(report: AuditReport) -> dict[str, object]:
    """The verdict for scripts: ok, streams walked per service, unreachable, broken chains."""
    return {
        "ok": report.ok,
        "streams": report.streams,
        "unreachable": report.unreachable,
        "broken": [{"service": s, **asdict(v)} for s, v in report.broken],
    }


async def verify_audit_command(
    settings: Settings, case_id: str | None, all_streams: bool = False, as_json: bool = False
) -> int:
    """The CLI command (with progress bars unless as_json): 0 when every chain is intact."""
    if (case_id is None) == (not all_streams):
        raise SystemExit("verify-audit needs either a case id or --all")
    with console.progress_bars(enabled=not as_json) as bars:
        report = await verify_audit(settings, case_id, progress=console.NamedBars(bars))
    if as_json:
        console.print_json(to_json(report))
    else:
        console.show(*renderables(report))
    return 0 if report.ok else 1
