"""The published OpenAPI document states what the input guard enforces (issue 16, GEN-8)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field

from shared.domain.errors import DomainError
from shared.fields import INT64_MAX, INT64_MIN, Int64
from shared.http.idempotency import idempotency_key
from shared.http.openapi import (
    ANY_JSON_REF,
    PARAMETER_PATTERN,
    TEXT_PATTERN,
    make_truthful,
    service_problem_codes,
)

pytestmark = pytest.mark.req("GEN-8")


class Household(BaseModel):
    """Fields of every kind the guard has a rule for."""

    size: Int64
    grade: Int64 | None = Field(default=None, ge=1, le=4)  # pydantic leaves ge/le as they are
    name: str
    extra: dict[str, Any] = {}


class HouseholdTooLarge(DomainError):
    """A refusal of this module's "service" (`tests`)."""

    code = "household-too-large"
    status = 409


def _document() -> dict[str, Any]:
    app = FastAPI()

    @app.post("/v1/households/{household_id}", responses={409: {"description": "Conflict"}})
    async def post(household_id: str, body: Household, key: str = Depends(idempotency_key)) -> None:
        """A route reading a path value, a body and an Idempotency-Key."""

    return make_truthful(app.openapi(), service_problem_codes("tests"))


def _integer(schema: dict[str, Any]) -> dict[str, Any]:
    return next(s for s in schema.get("anyOf", [schema]) if s.get("type") == "integer")


def test_integers_are_bounded_by_bigint_exactly_and_their_own_bounds_are_kept() -> None:
    properties = _document()["components"]["schemas"]["Household"]["properties"]
    size, grade = _integer(properties["size"]), _integer(properties["grade"])
    # FastAPI writes bounds as floats, and float(2^63 - 1) is 2^63: the document is exact
    assert (size["minimum"], size["maximum"]) == (INT64_MIN, INT64_MAX)
    assert all(type(size[k]) is int for k in ("minimum", "maximum"))
    assert (grade["minimum"], grade["maximum"]) == (1, 4)
    assert not {"ge", "le"} & grade.keys()


def test_free_text_refuses_control_characters_as_the_guard_does() -> None:
    document = _document()
    name = document["components"]["schemas"]["Household"]["properties"]["name"]
    path = document["paths"]["/v1/households/{household_id}"]["post"]["parameters"][0]
    assert name["pattern"] == TEXT_PATTERN and path["schema"]["pattern"] == PARAMETER_PATTERN
    assert re.fullmatch(TEXT_PATTERN, "第一行\n第二行\t完") and not re.fullmatch(
        TEXT_PATTERN, "a\x00"
    )
    assert not re.fullmatch(PARAMETER_PATTERN, "a\nb")
    assert not re.fullmatch(TEXT_PATTERN, "张\u202e三") and not re.fullmatch(
        TEXT_PATTERN, "\u2066x"
    )


def test_an_open_object_holds_any_json_the_guard_lets_through() -> None:
    document = _document()
    extra = document["components"]["schemas"]["Household"]["properties"]["extra"]
    assert extra["additionalProperties"] == {"$ref": ANY_JSON_REF}
    assert extra["propertyNames"] == {"pattern": TEXT_PATTERN}
    assert "AnyJson" in document["components"]["schemas"]


def test_problems_may_quote_what_was_refused() -> None:
    """The Problem schema describes our answers, which name the refused value's field."""
    problem = _document()["components"]["schemas"]["Problem"]
    assert all("pattern" not in p for p in problem["properties"].values())


def test_the_idempotency_key_is_required_and_visible_at_both_ends() -> None:
    operation = _document()["paths"]["/v1/households/{household_id}"]["post"]
    key = next(p for p in operation["parameters"] if p["name"] == "Idempotency-Key")
    assert key["required"] is True
    pattern = key["schema"]["pattern"]
    assert re.fullmatch(pattern, "a b") and re.fullmatch(pattern, "7")
    assert not re.fullmatch(pattern, " a") and not re.fullmatch(pattern, "a ")


def test_each_error_status_lists_the_kernel_codes_and_the_service_s_own() -> None:
    responses = _document()["paths"]["/v1/households/{household_id}"]["post"]["responses"]
    conflict = responses["409"]["description"]
    assert "`version-conflict`" in conflict and "`household-too-large`" in conflict
    assert "`household-too-large`" not in responses["422"]["description"]
    assert "`invalid-division-code`" in responses["422"]["description"]  # the kernel's identity
