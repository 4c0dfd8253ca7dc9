"""Every `python -m services …` command the runbook shows is one the command line accepts."""

from __future__ import annotations

import contextlib
import io
import re
import shlex

import pytest

from services.__main__ import _parser
from services.settings import PROJECT_ROOT

RUNBOOK = PROJECT_ROOT / "docs" / "operations.md"
SHELL_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
# Modules of this issue that the lead wires into services/__main__.py.
AWAITING_WIRING = frozenset({"status", "verify-audit", "asyncapi"})


def runbook_commands() -> list[list[str]]:
    """The arguments after `python -m services` of every command in the runbook's shell blocks."""
    commands = []
    for block in SHELL_BLOCK.findall(RUNBOOK.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line.startswith("python -m services "):
                commands.append(shlex.split(line)[3:])
    return commands


def refused(argv: list[str]) -> str | None:
    """argparse's complaint about the arguments, None when it accepts them."""
    errors = io.StringIO()
    with contextlib.redirect_stderr(errors):
        try:
            _parser().parse_args(argv)
        except SystemExit as exit_:
            return errors.getvalue().strip().splitlines()[-1] if exit_.code else None
    return None


def test_the_runbook_shows_the_operations_of_the_issue() -> None:
    shown = {argv[0] for argv in runbook_commands()}
    assert shown >= {"status", "rebuild", "dlq", "verify-audit", "token"}, shown


def test_every_runbook_command_is_accepted_by_the_command_line() -> None:
    # given every command of the runbook; when each is parsed by the real parser
    problems = {" ".join(argv): refused(argv) for argv in runbook_commands()}
    failing = {cmd: why for cmd, why in problems.items() if why is not None}
    # then none is refused, except those whose modules still wait to be wired in
    not_wired = {cmd for cmd in failing if cmd.split()[0] in AWAITING_WIRING}
    assert set(failing) == not_wired, failing
    if not_wired:
        pytest.skip(f"not yet wired into services/__main__.py: {sorted(not_wired)}")
