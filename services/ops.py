"""The operations behind the command line, each a small async function over the settings."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

from rich.console import RenderableType

from services import console, runner
from services.composition import build_runtime, ensure_pseudonym_key
from services.settings import SERVICES, Settings
from services.status import attach_embedded
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging import dead_letters as dlq
from shared.projections.runner import RebuildReport
from shared.runtime import ServiceRuntime

T = TypeVar("T")


async def run_embedded(settings: Settings) -> None:
    """`make run`: embedded PostgreSQL and broker, then all four services."""
    with runner.embedded_runtime(settings) as embedded:
        await runner.serve(embedded, SERVICES, with_simulators=True, dev_keys=True)


async def serve_external(settings: Settings, services: Sequence[str]) -> None:
    """Serve against DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS (distributed mode)."""
    if not settings.database_url and not settings.database_overrides:
        raise SystemExit("serve needs DATABASE_URL (or <SERVICE>_DATABASE_URL); try `run`")
    if not settings.kafka_bootstrap_servers:
        raise SystemExit("serve needs KAFKA_BOOTSTRAP_SERVERS; try `run`")
    await runner.serve(settings, services)


async def simulators(settings: Settings) -> None:
    """Serve the partner simulators only."""
    await runner.serve_simulators(settings)


async def migrate(settings: Settings, services: Sequence[str]) -> None:
    """Create the databases if needed and apply pending migrations."""
    runtimes = await runner.prepare(attach_embedded(settings), services)
    for runtime in runtimes:
        await runtime.close()


def mint_token(settings: Settings, args: argparse.Namespace) -> int:
    """Print a development token signed with the local key pair."""
    private_pem, _ = ensure_dev_keypair(settings.jwt_private_key_path, settings.jwt_public_key_path)
    ensure_pseudonym_key(settings.pseudonym_key_path)  # beside the dev keys (deploy's dev-keys)
    signer = TokenSigner(private_pem, settings.jwt_issuer, settings.jwt_audience)
    client_id = args.client_id or f"dev-{args.role}-{args.division}"
    # sub: the named clerk who acts (events' actor id); client_id: the partner system (channel)
    subject = getattr(args, "subject", None)
    try:
        print(signer.mint(client_id, args.role, args.division, args.org, args.ttl, subject))
    except ValueError as refused:  # an unknown role, a division not of its level, a long life
        print(f"token refused: {refused}", file=sys.stderr)
        return 2
    return 0


async def create_topics(settings: Settings) -> None:
    """Create every service's events and dead-letter topics (idempotent)."""
    await runner.create_topics(attach_embedded(settings))


async def dead_letters(settings: Settings, args: argparse.Namespace) -> int:
    """List, show or retry the dead letters of a service's consumers (tables, or `--json`)."""
    runtime = build_runtime(attach_embedded(settings), args.service)
    try:
        if args.action == "list":
            rows = await dlq.list_dead_letters(runtime.engine, status=args.status)
            _output(args, [_summary(r) for r in rows], _letters_table)
        elif args.id is None:
            raise SystemExit(f"dlq {args.action} needs the dead letter's id")
        elif args.action == "show":
            letter = _summary(await dlq.get_dead_letter(runtime.engine, args.id))
            _output(args, letter, _letter_table)
        else:
            _output(args, _outcome(await _retry(runtime, args.id)), _retry_table)
    finally:
        await runtime.close()
    return 0


async def _retry(runtime: ServiceRuntime, dead_letter_id: int) -> dlq.RetryOutcome:
    letter = await dlq.get_dead_letter(runtime.engine, dead_letter_id)
    if letter is None:
        raise SystemExit(f"no dead letter {dead_letter_id} in {runtime.name}")
    group = letter.consumer_group
    handler = runtime.handlers[group]
    return await dlq.retry_dead_letter(runtime.engine, dead_letter_id, handler, group)


def _output(args: argparse.Namespace, value: T, as_table: Callable[[T], RenderableType]) -> None:
    """The value as JSON with `--json`, else as the table made of it."""
    if getattr(args, "json", False):
        console.print_json(value)
    else:
        console.show(as_table(value))


def _letters_table(letters: list[dict[str, object]]) -> RenderableType:
    columns = (
        "id",
        "consumer_group",
        "case_key",
        "event_type",
        "status",
        "attempts",
        "reason",
        "created_at",
    )
    return console.table("dead letters", columns, [[r[c] for c in columns] for r in letters])


def _letter_table(letter: dict[str, object]) -> RenderableType:
    rows = [(name, value) for name, value in letter.items() if name != "headers"]
    headers = letter["headers"]
    if isinstance(headers, dict):
        rows += [(f"header {name}", value) for name, value in headers.items()]
    return console.table(f"dead letter #{letter['id']}", ("field", "value"), rows)


def _outcome(outcome: dlq.RetryOutcome) -> dict[str, object]:
    return {"ok": outcome.ok, **dataclasses.asdict(outcome)}


def _retry_table(outcome: dict[str, object]) -> RenderableType:
    columns = ("ok", "resolved", "dead", "error")
    return console.table("retry", columns, [[outcome[c] for c in columns]])


async def rebuild(
    settings: Settings, service: str, projection: str | None, as_json: bool = False
) -> int:
    """Rebuild one projection from zero with a progress bar, or list the projections."""
    runtime = build_runtime(attach_embedded(settings), service)
    try:
        if projection is None:
            names = list(runtime.projections.projections)
            if as_json:
                console.print_json({"service": service, "projections": names})
            else:
                console.show(console.table(service, ("projection",), [(n,) for n in names]))
            return 0
        report = await _rebuild_with_progress(runtime, projection, as_json)
    finally:
        await runtime.close()
    result = {"service": service, **dataclasses.asdict(report)}
    if as_json:
        console.print_json(result)
    else:
        console.show(console.table("rebuilt", tuple(result), [tuple(result.values())]))
    return 0


async def _rebuild_with_progress(
    runtime: ServiceRuntime, projection: str, as_json: bool
) -> RebuildReport:
    """The rebuild, with a bar of the events replayed out of the store's head and an ETA."""
    with console.progress_bars(enabled=not as_json) as bars:
        bar = console.NamedBars(bars)
        return await runtime.projections.rebuild(
            projection, progress=lambda position, head: bar(f"rebuild {projection}", position, head)
        )


def _summary(letter: dlq.DeadLetter | None) -> dict[str, object]:
    if letter is None:
        raise SystemExit("no such dead letter")
    fields = dataclasses.asdict(letter)
    fields.pop("value")
    fields["headers"] = {k: v.decode("utf-8", "replace") for k, v in letter.headers}
    return fields
