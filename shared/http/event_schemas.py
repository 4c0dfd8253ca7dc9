"""The JSON Schemas of a service's events, served where its events' `ce_dataschema` points.

A relayed event names its data's schema `<base>/<type>/v<N>.json` on the internal topic and
`<base>/<type>/v<N>.public.json` on the public one (shared/messaging/cloudevents.py, public.py;
`<base>` is EVENT_SCHEMA_BASE_URL). The service that publishes the type serves both under its own
root at `/schemas/<type>/v<N>.json` and `/schemas/<type>/v<N>.public.json` (ADR 0039): the
stored events' schema is the service's generated contract (docs/events/<service>/), the public
one is derived from it by the public view's rules (ADR 0020): dropped fields are left out, and
masked fields (resident IDs become `pid_…` pseudonyms, accounts, phones, names, addresses) keep
their field but lose their pattern and length.

Anyone may read them, without a token: a schema names fields and types, never a person's data.
Each document has a strong ETag; `If-None-Match` is answered 304.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from shared.domain.errors import NotFound
from shared.eventstore.contracts import registry_schemas
from shared.http.problems import problem_responses
from shared.http.wiring import wired
from shared.messaging.public import public_dataschema
from shared.privacy import (
    PUBLIC_FIELDS_ONLY,
    dropped_from_public_view,
    personal_rule,
    written_text,
)
from shared.runtime import ServiceRuntime

MEDIA_TYPE = "application/schema+json"
CACHE_CONTROL = "public, max-age=3600"
SchemaSource = Callable[[], Mapping[str, Mapping[str, Any]]]
"""The service's contract generator: `<type>.v<N>.json` → JSON Schema of each type it publishes."""
_FILE_NAME = re.compile(r"(?P<type>.+)\.v(?P<version>[0-9]+)\.json")
_MASKED_CONSTRAINTS = ("pattern", "minLength", "maxLength", "format")


class SchemaJSONResponse(Response):
    """A JSON Schema document."""

    media_type = MEDIA_TYPE


class EventSchemaDocument(BaseModel):
    """A JSON Schema (draft 2020-12) of an event type's `data` at one schema version."""

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    dialect: str = Field(alias="$schema", examples=["https://json-schema.org/draft/2020-12/schema"])
    id: str | None = Field(default=None, alias="$id")
    title: str = Field(examples=["intake.ApplicationSubmitted"])
    schema_version: int = Field(alias="x-schema-version", examples=[1])
    type: str = Field(examples=["object"])


class UnknownEventSchema(NotFound):
    """The service publishes no event of this type at this schema version."""

    code = "unknown-event-schema"
    title_en = "Unknown event schema"
    title_zh = "无此事件数据结构"


@dataclass(frozen=True)
class _Document:
    body: bytes
    etag: str

    @classmethod
    def of(cls, schema: Mapping[str, Any]) -> _Document:
        body = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")
        return cls(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"')


class EventSchemas:
    """One service's schema documents, stored and public view, built at the first request."""

    def __init__(self, service: str, source: SchemaSource) -> None:
        self.service = service
        self._source = source

    @cached_property
    def _stored(self) -> dict[tuple[str, int], Mapping[str, Any]]:
        named = ((_FILE_NAME.fullmatch(name), schema) for name, schema in self._source().items())
        return {(m["type"], int(m["version"])): schema for m, schema in named if m is not None}

    @cached_property
    def _documents(self) -> dict[tuple[str, int, bool], _Document]:
        documents = {}
        for (event_type, version), schema in self._stored.items():
            documents[event_type, version, False] = _Document.of(schema)
            public = public_schema(schema, public_dataschema(event_type, version))
            documents[event_type, version, True] = _Document.of(public)
        return documents

    def document(self, event_type: str, version: int, public: bool) -> _Document:
        """The document served for a type and version; UnknownEventSchema when there is none."""
        found = self._documents.get((event_type, version, public))
        if found is None:
            raise UnknownEventSchema(
                f"{self.service} publishes no {event_type} at schema version {version}",
                f"{self.service} 未发布 {event_type} 第 {version} 版事件",
                event_type=event_type,
            )
        return found


def public_schema(schema: Mapping[str, Any], schema_id: str) -> dict[str, Any]:
    """The schema of an event's public view: what `shared.privacy.public_event_view` leaves."""
    view: dict[str, Any] = _public(_only_public_fields(schema))
    view["$id"] = schema_id
    view["x-safetynet-view"] = "public"
    return view


def _only_public_fields(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema, or, of an event type PUBLIC_FIELDS_ONLY lists, with only the fields it names."""
    kept = PUBLIC_FIELDS_ONLY.get(str(schema.get("title")))
    if kept is None:
        return schema
    properties = {k: v for k, v in schema["properties"].items() if k in kept}
    required = [name for name in schema.get("required", ()) if name in kept]
    return {**schema, "properties": properties, "required": required}


def _public(node: Any) -> Any:
    if isinstance(node, list):
        return [_public(item) for item in node]
    if not isinstance(node, Mapping):
        return node
    out = {key: _public(value) for key, value in node.items()}
    properties = node.get("properties")
    if isinstance(properties, Mapping):
        out["properties"] = {
            name: _masked(name, _public(value))
            for name, value in properties.items()
            if not dropped_from_public_view(name)
        }
        if "required" in node:  # written text is left out unless a system code: not required
            out["required"] = [
                n
                for n in node["required"]
                if not dropped_from_public_view(n) and not written_text(n)
            ]
    return out


def _masked(name: str, schema: Any) -> Any:
    """A masked field keeps its type; its pattern, length and format no longer hold."""
    if personal_rule(name.lower()) is None or not isinstance(schema, dict):
        return schema
    return _without_constraints(schema)


def _without_constraints(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_constraints(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {k: _without_constraints(v) for k, v in node.items() if k not in _MASKED_CONSTRAINTS}


router = APIRouter(prefix="/schemas", tags=["event schemas 事件数据结构"])
_TYPE = Path(description="the event type, e.g. intake.ApplicationSubmitted", examples=["x.Y"])
_VERSION = Path(description="the schema version (ce_schemaversion)", examples=[1])
Schemas = Annotated[EventSchemas, wired("event_schemas")]
_ETAG: dict[str, Any] = {
    "description": "A hash of the document: send it as If-None-Match to be answered 304",
    "required": True,
    "schema": {"type": "string"},
}
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"headers": {"ETag": _ETAG}},
    304: {"description": "Not modified"},
    **problem_responses(404),
}


@router.get(
    "/{event_type}/v{version:int}.public.json",
    response_model=EventSchemaDocument,
    response_class=SchemaJSONResponse,
    responses=_RESPONSES,
    summary="公开事件数据结构 The JSON Schema of an event's public view (its public topic)",
)
async def get_public_event_schema(
    request: Request, schemas: Schemas, event_type: str = _TYPE, version: int = _VERSION
) -> Response:
    """The schema the public topic's `ce_dataschema` names: personal fields masked or left out."""
    return _answer(request, schemas.document(event_type, version, True))


@router.get(
    "/{event_type}/v{version:int}.json",
    response_model=EventSchemaDocument,
    response_class=SchemaJSONResponse,
    responses=_RESPONSES,
    summary="事件数据结构 The JSON Schema of an event type's data at a schema version",
)
async def get_event_schema(
    request: Request, schemas: Schemas, event_type: str = _TYPE, version: int = _VERSION
) -> Response:
    """The schema the internal topic's `ce_dataschema` names (docs/events/<service>/)."""
    return _answer(request, schemas.document(event_type, version, False))


def _answer(request: Request, document: _Document) -> Response:
    headers = {"ETag": document.etag, "Cache-Control": CACHE_CONTROL}
    if document.etag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return SchemaJSONResponse(document.body, headers=headers)


def mount(runtime: ServiceRuntime) -> None:
    """Serve the schemas of the events the service registers (its contract) on its app."""
    registry = runtime.registry
    runtime.app.state.event_schemas = EventSchemas(runtime.name, lambda: registry_schemas(registry))
    runtime.app.include_router(router)
