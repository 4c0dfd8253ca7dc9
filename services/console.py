"""What the operations commands print: rich tables and progress bars for people, JSON for scripts.

Tables go to stdout (coloured only on a terminal); progress bars go to stderr, so that a command's
output can be piped while its progress shows. `--json` prints one JSON document on stdout and
nothing else: no colours, no progress.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console, RenderableType
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

TEXT_WIDTH = 200  # wide enough that ids, topics and reasons never wrap in rendered text


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> Table:
    """A table with a title and named columns; None cells show as `-`."""
    grid = Table(title=title, title_justify="left", header_style="bold")
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*("-" if value is None else str(value) for value in row))
    return grid


def show(*renderables: RenderableType) -> None:
    """Print tables and lines on stdout (colours and the terminal's width only on a terminal)."""
    console = Console()
    if not console.is_terminal:
        console.width = TEXT_WIDTH  # piped into a file or a pager: no wrapping at 80 columns
    _print_each(console, renderables)


def to_text(*renderables: RenderableType) -> str:
    """The renderables as plain text, without colours (what `show` prints, for tests and logs)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=TEXT_WIDTH, no_color=True, color_system=None)
    _print_each(console, renderables)
    return buffer.getvalue()


def _print_each(console: Console, renderables: Sequence[RenderableType]) -> None:
    for renderable in renderables:  # one per line: lines of text are not run together
        console.print(renderable)


def print_json(value: object) -> None:
    """One JSON document on stdout, for scripts (UTF-8 text, instants and ids as strings)."""
    print(json.dumps(value, default=str, ensure_ascii=False, indent=2))


@contextmanager
def progress_bars(enabled: bool = True) -> Iterator[Progress]:
    """Progress bars with count, elapsed time and ETA on stderr (none when not enabled)."""
    bars = Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )
    with bars:
        yield bars


class NamedBars:
    """A progress callback `(name, done, total)` that keeps one bar per name."""

    def __init__(self, bars: Progress) -> None:
        self._bars = bars
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, name: str, done: int, total: int) -> None:
        """Move `name`'s bar to `done` of `total`, starting the bar at its first call."""
        task = self._tasks.get(name)
        if task is None:
            task = self._tasks[name] = self._bars.add_task(name, total=total)
        self._bars.update(task, completed=done, total=total)
