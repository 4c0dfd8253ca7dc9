"""The typed contracts consumers read other services' events through (issue #17, ADR 0049):
generated from each producer's registry and up to date, reading every event type exactly as its
producer writes it, lifting old versions with the producer's own upcasters."""

from __future__ import annotations

import importlib
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncConnection

from services.composition import offline_runtimes
from services.event_schemas import CONTRACTS, write_contracts
from services.settings import SERVICES
from shared.contracts import Contract, ContractMismatch, On, Reactions
from shared.eventstore.envelope import Actor, EventMetadata, RecordedEvent
from shared.eventstore.registry import EventRegistry
from tests.contract.event_examples import INSTANT, example


@cache
def registry(service: str) -> EventRegistry:
    return offline_runtimes()[service].registry


def contracts(service: str) -> dict[str, type[Contract]]:
    module = importlib.import_module(f"shared.contracts.{service}")
    found = [v for v in vars(module).values() if isinstance(v, type) and issubclass(v, Contract)]
    return {cls.TYPE: cls for cls in found if cls is not Contract}


def recorded(event_type: str, version: int, data: dict[str, Any]) -> RecordedEvent:
    metadata = EventMetadata(Actor.system("test"), "test", case_id="case-1")
    return RecordedEvent(
        uuid.uuid4(), event_type, version, "case-1", 1, 1, INSTANT, INSTANT, data, metadata, "", ""
    )


def published(service: str, event_type: str) -> RecordedEvent:
    """An example of the type with every field filled, as the producer's registry writes it."""
    events = registry(service)
    metadata = EventMetadata(Actor.system(service), "test", case_id="case-1")
    new = events.serialize(example(events.class_of(event_type)), metadata)
    return recorded(new.type, new.schema_version, new.data)


@pytest.mark.req("GEN-2")
def test_the_contract_modules_are_what_the_generator_writes(tmp_path: Path) -> None:
    for written in write_contracts(tmp_path):
        committed = CONTRACTS / written.name
        assert committed.read_text("utf-8") == written.read_text("utf-8"), (
            f"{committed} is stale: python -m services contracts"
        )


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("service", SERVICES)
def test_every_published_type_has_a_contract_at_its_current_version(service: str) -> None:
    events = registry(service)
    by_type = contracts(service)
    assert set(by_type) == set(events.type_names)
    for event_type, contract in by_type.items():
        assert events.current_version(event_type) == contract.VERSION, event_type


@pytest.mark.req("GEN-2")
@pytest.mark.parametrize("service", SERVICES)
def test_a_contract_reads_back_every_field_its_producer_writes(service: str) -> None:
    for event_type, contract in contracts(service).items():
        event = published(service, event_type)
        assert contract.read(event).model_dump(mode="json") == event.data, event_type


@pytest.mark.req("GEN-2")
def test_an_old_version_is_lifted_by_the_upcasters_the_producer_registers() -> None:
    from shared.contracts.verification import CaseOpened

    current = published("verification", "verification.CaseOpened").data
    v1_fields = ("case_id", "programme", "division_code", "registration", "household_size")
    v1 = {key: current[key] for key in (*v1_fields, "declared_monthly_income_fen")}
    v1["authorisation_ref"] = current["authorisation_ref"]
    opened = CaseOpened.read(recorded("verification.CaseOpened", 1, v1))
    producer = registry("verification").upcast("verification.CaseOpened", 1, v1)
    assert opened.members == () and opened.declared_assets_fen == 0
    assert opened.model_dump(mode="json", exclude_defaults=True) == {
        k: v for k, v in producer.items() if v not in ([], 0, None)
    }


def test_an_event_is_not_read_through_another_types_contract() -> None:
    from shared.contracts.intake import ApplicationWithdrawn

    event = published("verification", "verification.CaseOpened")
    with pytest.raises(ContractMismatch):
        ApplicationWithdrawn.read(event)


async def test_reactions_route_each_type_to_its_reaction_and_skip_the_rest() -> None:
    from shared.contracts.verification import CaseApproved, CaseOpened

    seen: list[tuple[str, str]] = []

    async def opened(case: CaseOpened, event: RecordedEvent, conn: AsyncConnection) -> None:
        seen.append(("opened", case.case_id))

    async def approved(case: CaseApproved, event: RecordedEvent, conn: AsyncConnection) -> None:
        seen.append(("approved", case.case_id))

    reactions = Reactions(On(CaseOpened, opened), On(CaseApproved, approved))
    conn: Any = None  # the reactions above never touch it
    for name in ("CaseApproved", "CaseRejected", "CaseOpened"):
        await reactions(published("verification", f"verification.{name}"), conn)
    case_id = published("verification", "verification.CaseOpened").data["case_id"]
    assert seen == [("approved", case_id), ("opened", case_id)]
    assert reactions.handles == {"verification.CaseOpened", "verification.CaseApproved"}
    with pytest.raises(ValueError, match="two reactions"):
        Reactions(On(CaseOpened, opened), On(CaseOpened, opened))
