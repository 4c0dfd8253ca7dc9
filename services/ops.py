"""The operations behind the command line, each a small async function over the settings."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence

from services import runner
from services.composition import build_runtime, ensure_pseudonym_key
from services.settings import SERVICES, Settings
from services.status import attach_embedded
from shared.http.tokens import TokenSigner, ensure_dev_keypair
from shared.messaging import dead_letters as dlq
from shared.runtime import ServiceRuntime


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
    print(signer.mint(client_id, args.role, args.division, args.org, args.ttl, subject))
    return 0


async def create_topics(settings: Settings) -> None:
    """Create every service's events and dead-letter topics (idempotent)."""
    await runner.create_topics(attach_embedded(settings))


async def dead_letters(settings: Settings, args: argparse.Namespace) -> int:
    """List, show or retry the dead letters of a service's consumers."""
    runtime = build_runtime(attach_embedded(settings), args.service)
    try:
        if args.action == "list":
            rows = await dlq.list_dead_letters(runtime.engine, status=args.status)
            _print_json([_summary(r) for r in rows])
        elif args.id is None:
            raise SystemExit(f"dlq {args.action} needs the dead letter's id")
        elif args.action == "show":
            _print_json(_summary(await dlq.get_dead_letter(runtime.engine, args.id)))
        else:
            _print_json(await _retry(runtime, args.id))
    finally:
        await runtime.close()
    return 0


async def _retry(runtime: ServiceRuntime, dead_letter_id: int) -> object:
    letter = await dlq.get_dead_letter(runtime.engine, dead_letter_id)
    if letter is None:
        raise SystemExit(f"no dead letter {dead_letter_id} in {runtime.name}")
    group = letter.consumer_group
    handler = runtime.handlers[group]
    return await dlq.retry_dead_letter(runtime.engine, dead_letter_id, handler, group)


async def rebuild(settings: Settings, service: str, projection: str | None) -> int:
    """Rebuild one projection from zero with a progress line, or list the projections."""
    runtime = build_runtime(attach_embedded(settings), service)
    try:
        if projection is None:
            print("\n".join(runtime.projections.projections))
            return 0
        report = await runtime.projections.rebuild(projection, progress=_progress)
        print(
            f"\nrebuilt {report.projection}: {report.events_replayed} events to {report.position}"
        )
    finally:
        await runtime.close()
    return 0


def _progress(position: int, head: int) -> None:
    width = 40
    filled = int(width * position / head) if head else width
    sys.stdout.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {position}/{head}")
    sys.stdout.flush()


def _summary(letter: dlq.DeadLetter | None) -> dict[str, object]:
    if letter is None:
        raise SystemExit("no such dead letter")
    fields = dataclasses.asdict(letter)
    fields.pop("value")
    fields["headers"] = {k: v.decode("utf-8", "replace") for k, v in letter.headers}
    return fields


def _print_json(value: object) -> None:
    print(json.dumps(value, default=str, ensure_ascii=False, indent=2))
