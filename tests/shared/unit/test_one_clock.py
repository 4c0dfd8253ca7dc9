"""Business code takes time from the kernel's clock only, so the suite passes on any date."""

from __future__ import annotations

import re

from services.settings import PROJECT_ROOT

# The packages whose code runs in the services. The simulators stand in for partner systems
# that keep their own clocks (a bank stamps its own ledger), so they are not business code.
PACKAGES = ("shared", "services", "intake", "verification", "payments", "supervision")
ALLOWED = {"shared/clock.py", "services/simulators"}
WALL_CLOCK = re.compile(
    r"datetime\.now\(|datetime\.utcnow\(|date\.today\(|time\.time\(|\bdatetime\.today\("
)


def _sources() -> list[str]:
    files = []
    for package in PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            relative = path.relative_to(PROJECT_ROOT).as_posix()
            if not any(relative.startswith(allowed) for allowed in ALLOWED):
                files.append(relative)
    return files


def test_no_module_outside_the_clock_reads_the_wall_clock() -> None:
    # given every module of the services and the kernel (the clock itself aside)
    sources = _sources()
    assert len(sources) > 100  # the scan really reads the tree
    # when each is searched for a read of the wall clock
    offenders = [
        f"{relative}:{number}: {line.strip()}"
        for relative in sources
        for number, line in enumerate((PROJECT_ROOT / relative).read_text().splitlines(), 1)
        if WALL_CLOCK.search(line)
    ]
    # then there is none: "now" and "today" come from shared.clock
    assert offenders == []


def test_the_scan_finds_a_wall_clock_read() -> None:
    assert WALL_CLOCK.search("    stamp = datetime.now(UTC)")
    assert WALL_CLOCK.search("today = date.today()")
    assert not WALL_CLOCK.search("today = today(clock)")
