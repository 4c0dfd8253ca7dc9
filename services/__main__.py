"""The SafetyNet command line: `python -m services <command>`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

from services import (
    asyncapi,
    calendar,
    caseload,
    clients,
    event_schemas,
    kafka_acls,
    ops,
    payment_worker,
    places,
    requirements_index,
    settings_doc,
    standards_import,
    status,
    verify_audit,
)
from services.composition import configure_process
from services.runner import serve_forever
from services.settings import SERVICES, Settings
from shared.http.tokens import ROLES
from shared.logging import configure_logging


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    configure_logging("services", settings.log_level)
    configure_process(settings)
    return int(args.func(settings, args) or 0)


def _services(values: list[str]) -> list[str]:
    unknown = sorted(set(values) - set(SERVICES))
    if unknown:
        raise SystemExit(f"unknown service(s) {', '.join(unknown)}; choose from {SERVICES}")
    return values or list(SERVICES)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m services", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="command")
    _serving(commands)
    _operating(commands)
    places.add_command(commands)
    calendar.add_command(commands)
    standards_import.add_command(commands)
    caseload.add_command(commands)
    payment_worker.add_command(commands)
    return parser


def _serving(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = commands.add_parser("run", help="embedded PostgreSQL + broker and all four services")
    run.set_defaults(func=lambda s, a: serve_forever(ops.run_embedded(s)))

    serve = commands.add_parser("serve", help="serve services against DATABASE_URL/KAFKA_…")
    serve.add_argument("services", nargs="*", metavar="service", help=f"of {SERVICES}; all")
    serve.set_defaults(
        func=lambda s, a: serve_forever(ops.serve_external(s, _services(a.services)))
    )

    sims = commands.add_parser("simulators", help="serve the partner simulators only")
    sims.set_defaults(func=lambda s, a: serve_forever(ops.simulators(s)))

    migrate = commands.add_parser("migrate", help="apply pending schema migrations (idempotent)")
    migrate.add_argument("services", nargs="*", metavar="service", help=f"of {SERVICES}; all")
    migrate.set_defaults(func=lambda s, a: asyncio.run(ops.migrate(s, _services(a.services))))

    topics = commands.add_parser("topics", help="create the topics (`topics create`)")
    topics.add_argument("action", choices=("create",))
    topics.set_defaults(func=lambda s, a: asyncio.run(ops.create_topics(s)))

    token = commands.add_parser("token", help="mint a development access token")
    token.add_argument("--role", required=True, choices=ROLES)
    token.add_argument("--division", required=True, help="GB/T 2260 code, e.g. 620102001")
    token.add_argument("--org", default="开发测试")
    token.add_argument("--client-id", default=None)
    token.add_argument(
        "--subject", default=None, help="the person acting (staff id); default: the client id"
    )
    token.add_argument("--ttl", type=int, default=3600, help="seconds")
    token.set_defaults(func=ops.mint_token)


_JSON_HELP = "print JSON for scripts (no tables, colours or progress bars)"


def _operating(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stat = commands.add_parser("status", help="outbox lag, consumer lag, dead letters, checkpoints")
    stat.add_argument("--json", action="store_true", help=_JSON_HELP)
    stat.set_defaults(func=lambda s, a: asyncio.run(status.status_command(s, as_json=a.json)))

    audit = commands.add_parser("verify-audit", help="re-walk hash chains: one case or --all")
    audit.add_argument("case", nargs="?")
    audit.add_argument("--all", action="store_true", dest="all_streams")
    audit.add_argument("--json", action="store_true", help=_JSON_HELP)
    audit.set_defaults(func=_verify_audit)

    dlq = commands.add_parser("dlq", help="dead letters: list, show, retry")
    dlq.add_argument("action", choices=("list", "show", "retry"))
    dlq.add_argument("service", choices=SERVICES)
    dlq.add_argument("id", nargs="?", type=int)
    dlq.add_argument("--status", choices=("dead", "parked", "resolved"))
    dlq.add_argument("--json", action="store_true", help=_JSON_HELP)
    dlq.set_defaults(func=lambda s, a: asyncio.run(ops.dead_letters(s, a)))

    rebuild = commands.add_parser("rebuild", help="rebuild a projection from zero")
    rebuild.add_argument("service", choices=SERVICES)
    rebuild.add_argument("projection", nargs="?", help="name; omit to list them")
    rebuild.add_argument("--json", action="store_true", help=_JSON_HELP)
    rebuild.set_defaults(
        func=lambda s, a: asyncio.run(ops.rebuild(s, a.service, a.projection, as_json=a.json))
    )

    schemas = commands.add_parser(
        "event-schemas", help="regenerate docs/events/<service>/ from the services' registries"
    )
    schemas.set_defaults(func=lambda s, a: print(len(event_schemas.write_all()), "files") or 0)
    contracts = commands.add_parser(
        "contracts", help="regenerate shared/contracts/<service>.py from the services' registries"
    )
    contracts.set_defaults(func=lambda s, a: print(len(event_schemas.write_contracts())) or 0)
    spec = commands.add_parser("asyncapi", help="regenerate docs/asyncapi.yaml from docs/events")
    spec.set_defaults(func=lambda s, a: print(asyncapi.write()) or 0)
    acls = commands.add_parser(
        "kafka-acls", help="regenerate deploy/kafka/acls.sh from the services' subscriptions"
    )
    acls.set_defaults(func=lambda s, a: print(kafka_acls.write()) or 0)
    generated = commands.add_parser(
        "clients", help="regenerate docs/openapi and the typed clients in clients/ from the code"
    )
    generated.set_defaults(func=lambda s, a: print(clients.write()) or 0)
    index = commands.add_parser(
        "requirements", help="each requirement with the tests that prove it and its modules"
    )
    index.set_defaults(
        func=lambda s, a: print(requirements_index.render(requirements_index.index())) or 0
    )

    table = commands.add_parser(
        "settings-table", help="print the environment variables as the README's Markdown table"
    )
    table.add_argument("--write", action="store_true", help="rewrite the README's table instead")
    table.set_defaults(func=settings_doc.command)


def _verify_audit(settings: Settings, args: argparse.Namespace) -> int:
    if not args.case and not args.all_streams:
        raise SystemExit("verify-audit needs a case id or --all")
    command = verify_audit.verify_audit_command(
        settings, args.case, all_streams=args.all_streams, as_json=args.json
    )
    return asyncio.run(command)


if __name__ == "__main__":
    sys.exit(main())
