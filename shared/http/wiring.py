"""The app's wired parts as route parameters: the one way a route reaches what bootstrap built.

A route never reads `request.app.state`. It names what it needs as an `Annotated` parameter —
`engine: Engine`, `clock: ServiceClock`, `today: Today` — and FastAPI hands it over. A service
declares its own parts the same way, next to its routes:

    Applications = Annotated[Repository[Application], wired("applications")]

`wired` reads the attribute that bootstrap set on `app.state`; a missing one is a wiring defect
and fails loudly. None of these parameters appears in the OpenAPI document.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.clock import Clock, today
from shared.eventstore.registry import EventRegistry
from shared.eventstore.store import EventStore


def wired(name: str) -> Any:
    """A dependency on the part bootstrap stored as `app.state.<name>`."""

    async def from_app(request: Request) -> Any:  # async: a sync one would run in a thread
        return getattr(request.app.state, name)

    from_app.__name__ = f"wired_{name}"
    return Depends(from_app)


Engine = Annotated[AsyncEngine, wired("engine")]
ServiceClock = Annotated[Clock, wired("clock")]
Store = Annotated[EventStore, wired("store")]
Registry = Annotated[EventRegistry, wired("registry")]


async def _today(clock: ServiceClock) -> date:
    return today(clock)


Today = Annotated[date, Depends(_today)]
"""The civil date in China at the service clock's instant, read once per request."""
