"""`python -m services places …`: load the register of places into the databases, show one."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import make_url

from services.composition import build_runtime
from services.embedded import ensure_database
from services.settings import SERVICES, Settings
from services.status import attach_embedded
from shared.clock import today
from shared.places.names import ancestors, resolve
from shared.places.register import PlacesFileRefused
from shared.places.store import check_places, load_places
from shared.runtime import ServiceRuntime


async def load(
    settings: Settings, path: Path, content: bytes, services: Sequence[str], loaded_by: str
) -> int:
    """Check the file against every chosen service's register, then load it into each.

    A file refused anywhere is loaded nowhere (exit 1, one line per reject). Each service's load
    is one transaction; a load stopped half way (a database down) is finished by loading the
    same file again, which changes nothing where it already went in.
    """
    settings = attach_embedded(settings)
    for service in services:  # as `migrate` does: a database not there yet is created
        url = make_url(settings.database_url_for(service))
        server_url = url.set(database="postgres").render_as_string(hide_password=False)
        await ensure_database(server_url, str(url.database))
    runtimes = [build_runtime(settings, s) for s in services]
    try:
        for runtime in runtimes:
            await runtime.migrate()
            async with runtime.engine.connect() as conn:
                await check_places(conn, content)
        for runtime in runtimes:
            at = runtime.app.state.clock.now()
            report = await load_places(
                runtime.engine, content, file_name=path.name, loaded_by=loaded_by, at=at
            )
            print(
                f"{runtime.name}: load {report.load_id}, {report.row_count} rows"
                f" ({report.added} added, {report.changed} changed), sha256 {report.sha256}"
            )
    except PlacesFileRefused as refused:
        print(f"{path}: refused, nothing loaded\n{refused.report()}")
        return 1
    finally:
        await _close(runtimes)
    return 0


async def show(settings: Settings, code: str, service: str) -> int:
    """Print a place, its parents and its validity as the service's register has it."""
    runtime = build_runtime(attach_embedded(settings), service)
    try:
        async with runtime.engine.connect() as conn:
            place = await resolve(conn, code)
            if place is None:
                print(f"{service}: no place {code}")
                return 1
            chain = await ancestors(conn, place)
        day = today(runtime.app.state.clock)
        shown = {
            "code": place.code,
            "name": place.name,
            "level": place.level,
            "valid_from": place.valid_from,
            "valid_to": place.valid_to,
            "in_force": place.in_force_on(day),
            "chain": [f"{p.code} {p.name}" for p in chain],
        }
        print(json.dumps(shown, default=str, ensure_ascii=False, indent=2))
    finally:
        await runtime.close()
    return 0


async def _close(runtimes: Sequence[ServiceRuntime]) -> None:
    for runtime in runtimes:
        await runtime.close()


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `places load FILE.csv [--service NAME …]` and `places show CODE` sub-commands."""
    places = commands.add_parser("places", help="the register of townships and villages")
    actions = places.add_subparsers(required=True, metavar="action")
    load_cmd = actions.add_parser("load", help="load a places CSV into the services' databases")
    load_cmd.add_argument("file", type=Path, help="code,name,level,parent,valid_from,valid_to")
    load_cmd.add_argument(
        "--service",
        action="append",
        choices=SERVICES,
        dest="services",
        default=[],
        help="repeat for several; default all four",
    )
    load_cmd.add_argument("--by", default=None, help="who loads it (default: the OS user)")
    show_cmd = actions.add_parser("show", help="a place by code, with its parents and validity")
    show_cmd.add_argument("code")
    show_cmd.add_argument("--service", choices=SERVICES, default=SERVICES[0])
    load_cmd.set_defaults(func=_load)
    show_cmd.set_defaults(func=lambda s, a: asyncio.run(show(s, a.code, a.service)))


def _load(settings: Settings, args: argparse.Namespace) -> int:
    services = list(dict.fromkeys(args.services)) or list(SERVICES)
    who = args.by or getpass.getuser()
    return asyncio.run(load(settings, args.file, args.file.read_bytes(), services, who))
