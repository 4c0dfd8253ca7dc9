"""Typed contracts of the events the services publish, and reactions that read through them.

A consumer never looks into another service's `data` by string key: it names the producer's
contract (`shared.contracts.<producer>`, generated from the producer's registry by
`python -m services contracts`) and the kernel reads each event through it, lifting an older
schema version with the contract's static upcasters first (issue #17, ADR 0049).

`Reactions` is the one way a consumer group is wired: each event type it reacts to, with the
contract it is read through; every other type on its topics is skipped.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict
from sqlalchemy.ext.asyncio import AsyncConnection

from shared.eventstore.envelope import RecordedEvent

Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


class Part(BaseModel):
    """A value nested in a published event (a member, a finding …), as the producer publishes it."""

    model_config = ConfigDict(frozen=True, extra="ignore")


class Contract(Part):
    """A published event type at its current schema version.

    Unknown fields are ignored, so a producer may add optional fields without breaking a reader."""

    TYPE: ClassVar[str]
    VERSION: ClassVar[int] = 1
    UPCASTERS: ClassVar[Mapping[int, Upcaster]] = {}
    """`UPCASTERS[v]` lifts data of version v to v + 1 (the producer registers the same ones)."""

    @classmethod
    def read(cls, event: RecordedEvent) -> Self:
        """The event's data as this contract, lifted from the version it was written with."""
        if event.type != cls.TYPE:
            raise ContractMismatch(f"{event.type} is not {cls.TYPE}")
        data = event.data
        for version in range(event.schema_version, cls.VERSION):
            data = cls.UPCASTERS[version](data)
        return cls.model_validate(data)


class ContractMismatch(TypeError):
    """An event read through the contract of another type."""


C = TypeVar("C", bound=Contract)
Reaction = Callable[[C, RecordedEvent, AsyncConnection], Awaitable[object]]
"""What a consumer does with one event: the event as its contract, the event as recorded (for its
id, metadata and instants) and the consumer's transaction."""


@dataclass(frozen=True)
class On(Generic[C]):
    """React to the events of one contract."""

    contract: type[C]
    react: Reaction[C]

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        await self.react(self.contract.read(event), event, conn)


class Reactions:
    """A consumer group's handler: the event types it reacts to, each read through its contract;
    events of any other type are skipped."""

    def __init__(self, *routes: On[Any]) -> None:
        self._routes: dict[str, On[Any]] = {}
        for route in routes:
            if route.contract.TYPE in self._routes:
                raise ValueError(f"two reactions to {route.contract.TYPE}")
            self._routes[route.contract.TYPE] = route

    @property
    def handles(self) -> frozenset[str]:
        """The event types this group reacts to."""
        return frozenset(self._routes)

    async def __call__(self, event: RecordedEvent, conn: AsyncConnection) -> None:
        route = self._routes.get(event.type)
        if route is not None:
            await route(event, conn)
