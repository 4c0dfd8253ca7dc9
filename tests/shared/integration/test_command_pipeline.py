"""The one command pipeline (shared/http/commands.py, ADR 0047) on a real database: create,
change and create_or_change, each authorise → If-Match → act → append → idempotent answer."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.application.repository import Repository
from shared.domain.aggregate import Aggregate
from shared.domain.errors import DomainError
from shared.eventstore import EventStore
from shared.eventstore.registry import EventRegistry, event_type
from shared.http.auth import TokenSigner, ensure_dev_keypair
from shared.http.commands import Command, change, create, create_or_change, in_jurisdiction
from tests.shared.integration.http_kernel_app import AUDIENCE, ISSUER, in_process_client, kernel_app


@event_type("kernel-test.NoteWritten", version=1)
@dataclass(frozen=True)
class NoteWritten:
    note_id: str
    division_code: str
    text: str


@event_type("kernel-test.NoteAmended", version=1)
@dataclass(frozen=True)
class NoteAmended:
    text: str


class EmptyNote(DomainError):
    code = "empty-note"
    status = 422
    title_en = "A note needs text"
    title_zh = "内容不能为空"


class Note(Aggregate):
    stream_prefix = "note"

    def __init__(self, aggregate_id: str) -> None:
        super().__init__(aggregate_id)
        self.division_code = ""
        self.text = ""

    def write(self, division_code: str, text: str) -> None:
        self.record(NoteWritten(self.id, division_code, text))

    def amend(self, text: str) -> None:
        if not text:
            raise EmptyNote("a note needs text", "内容不能为空", field="text")
        self.record(NoteAmended(text))

    def apply(self, event: Any) -> None:
        if isinstance(event, NoteWritten):
            self.division_code, self.text = event.division_code, event.text
        elif isinstance(event, NoteAmended):
            self.text = event.text


class NoteIn(BaseModel):
    division_code: str
    text: str


class AmendIn(BaseModel):
    text: str


def _app(engine: AsyncEngine, public_key: bytes) -> Any:
    registry = EventRegistry()
    registry.register_all(NoteWritten, NoteAmended)
    notes = Repository(EventStore(engine), registry, Note)
    router = APIRouter(prefix="/v1/notes")

    def answer(note: Note) -> dict[str, Any]:
        # what the step appended, as recorded: who recorded which event (the kernel's memo)
        appended = [{"event_id": str(e.event_id), "by": e.metadata.actor.id} for e in note.appended]
        return {
            "note_id": note.id,
            "text": note.text,
            "version": note.version,
            "appended": appended,
        }

    @router.post("", status_code=201)
    async def write_note(body: NoteIn, command: Command) -> JSONResponse:
        note = Note(str(uuid.uuid4()))
        note.write(body.division_code, body.text)
        location = f"/v1/notes/{note.id}"
        return await create(command, notes, note, reason="写", answer=answer, location=location)

    @router.post("/{note_id}/amendment")
    async def amend_note(note_id: str, body: AmendIn, command: Command) -> JSONResponse:
        return await change(
            command,
            notes,
            note_id,
            authorise=in_jurisdiction(command, lambda note: note.division_code),
            act=lambda note, _: note.amend(body.text),
            reason="改",
            answer=answer,
        )

    @router.put("/{note_id}")
    async def put_note(note_id: str, body: NoteIn, command: Command) -> JSONResponse:
        def act(note: Note, _: object) -> None:
            if note.version == 0:
                note.write(body.division_code, body.text)
            else:
                note.amend(body.text)

        return await create_or_change(
            command,
            notes,
            note_id,
            new=lambda: Note(note_id),
            authorise=lambda note: None,
            act=act,
            reason="放",
            answer=answer,
        )

    return kernel_app(engine, public_key, [router])


@pytest.fixture
def signer(tmp_path: Path) -> TokenSigner:
    private, _ = ensure_dev_keypair(tmp_path / "k.pem", tmp_path / "k.pub")
    return TokenSigner(private, ISSUER, AUDIENCE)


@pytest.fixture
async def client(
    engine: AsyncEngine, signer: TokenSigner, tmp_path: Path
) -> AsyncIterator[httpx.AsyncClient]:
    public = (tmp_path / "k.pub").read_bytes()
    async with in_process_client(_app(engine, public)) as http:
        yield http


def _headers(signer: TokenSigner, etag: str | None = None, division: str = "620102") -> Any:
    token = signer.mint("desk-1", "county_officer", division, "城关区民政局")
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())}
    return headers | ({"If-Match": etag} if etag else {})


async def _written(client: httpx.AsyncClient, signer: TokenSigner) -> httpx.Response:
    body = {"division_code": "620102001", "text": "第一稿"}
    return await client.post("/v1/notes", json=body, headers=_headers(signer))


async def _versions(store: EventStore, note_id: str) -> int:
    return await store.stream_version(Note.stream_id_for(note_id))


@pytest.mark.req("GEN-8")
async def test_create_answers_201_with_etag_and_location_once_per_key(
    client: httpx.AsyncClient, signer: TokenSigner, event_store: EventStore
) -> None:
    headers = _headers(signer)
    body = {"division_code": "620102001", "text": "第一稿"}
    first = await client.post("/v1/notes", json=body, headers=headers)
    again = await client.post("/v1/notes", json=body, headers=headers)
    assert first.status_code == 201, first.text
    assert first.headers["etag"] == '"1"'
    assert first.headers["location"] == f"/v1/notes/{first.json()['note_id']}"
    assert again.json() == first.json()  # the same answer, one note
    assert await _versions(event_store, first.json()["note_id"]) == 1


@pytest.mark.req("GEN-8")
async def test_a_change_needs_if_match_and_refuses_a_stale_one_before_any_rule(
    client: httpx.AsyncClient, signer: TokenSigner, event_store: EventStore
) -> None:
    note_id = (await _written(client, signer)).json()["note_id"]
    path = f"/v1/notes/{note_id}/amendment"
    missing = await client.post(path, json={"text": "二稿"}, headers=_headers(signer))
    # a stale version is refused even though the body would break a rule
    stale = await client.post(path, json={"text": ""}, headers=_headers(signer, '"7"'))
    assert (missing.status_code, missing.json()["code"]) == (428, "precondition-required")
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition-failed")
    assert await _versions(event_store, note_id) == 1


@pytest.mark.req("GEN-8")
async def test_a_change_is_authorised_acted_and_appended_at_the_named_version(
    client: httpx.AsyncClient, signer: TokenSigner, event_store: EventStore
) -> None:
    note_id = (await _written(client, signer)).json()["note_id"]
    path = f"/v1/notes/{note_id}/amendment"
    elsewhere = _headers(signer, '"1"', division="620103")
    refused = await client.post(path, json={"text": "二稿"}, headers=elsewhere)
    broken = await client.post(path, json={"text": ""}, headers=_headers(signer, '"1"'))
    amended = await client.post(path, json={"text": "二稿"}, headers=_headers(signer, '"1"'))
    assert refused.status_code == 403, refused.text
    assert (broken.status_code, broken.json()["code"]) == (422, "empty-note")
    assert amended.status_code == 200, amended.text
    assert (amended.json()["text"], amended.headers["etag"]) == ("二稿", '"2"')
    recorded = await event_store.read_stream(Note.stream_id_for(note_id))
    assert [e.type for e in recorded] == ["kernel-test.NoteWritten", "kernel-test.NoteAmended"]
    assert recorded[1].metadata.reason == "改" and recorded[1].metadata.actor.id == "desk-1"
    assert recorded[1].metadata.case_id == note_id
    # and the answer named the event the step appended, as recorded, and who recorded it
    assert amended.json()["appended"] == [{"event_id": str(recorded[1].event_id), "by": "desk-1"}]


@pytest.mark.req("GEN-8")
async def test_a_put_creates_without_if_match_and_needs_it_once_the_stream_exists(
    client: httpx.AsyncClient, signer: TokenSigner, event_store: EventStore
) -> None:
    note_id = str(uuid.uuid4())
    body = {"division_code": "620102001", "text": "初稿"}
    created = await client.put(f"/v1/notes/{note_id}", json=body, headers=_headers(signer))
    without = await client.put(f"/v1/notes/{note_id}", json=body, headers=_headers(signer))
    changed = await client.put(
        f"/v1/notes/{note_id}", json=body | {"text": "再稿"}, headers=_headers(signer, '"1"')
    )
    assert (created.status_code, created.headers["etag"]) == (200, '"1"')
    assert (without.status_code, without.json()["code"]) == (428, "precondition-required")
    assert without.json()["current_etag"] == '"1"'
    assert (changed.status_code, changed.json()["text"]) == (200, "再稿")
    assert await _versions(event_store, note_id) == 2
