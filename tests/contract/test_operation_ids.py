"""Each operation of the four documents has a name a generated client can call it by
(issue #18): the route function's name, `verb_object` in snake case, unique within its service,
and its tags are ASCII names described in the document's tag list."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from services.composition import offline_runtimes
from services.settings import SERVICES

VERB_OBJECT = re.compile(r"^[a-z]+(_[a-z0-9]+)+$")
METHODS = ("get", "put", "post", "delete", "patch")


@pytest.fixture(scope="module")
def documents() -> dict[str, dict[str, Any]]:
    return {name: runtime.app.openapi() for name, runtime in offline_runtimes().items()}


def operations(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        operation
        for path_item in document["paths"].values()
        for method, operation in path_item.items()
        if method in METHODS
    ]


@pytest.mark.parametrize("service", SERVICES)
def test_every_operation_id_is_a_unique_verb_and_object(
    documents: dict[str, dict[str, Any]], service: str
) -> None:
    ids = [operation["operationId"] for operation in operations(documents[service])]
    repeated = sorted(name for name, count in Counter(ids).items() if count > 1)
    unnamed = sorted(name for name in ids if not VERB_OBJECT.match(name))
    assert not repeated, f"{service}: operationIds used twice: {repeated}"
    assert not unnamed, f"{service}: operationIds not in verb_object form: {unnamed}"


@pytest.mark.parametrize("service", SERVICES)
def test_every_tag_is_an_ascii_name_described_in_chinese(
    documents: dict[str, dict[str, Any]], service: str
) -> None:
    document = documents[service]
    described = {tag["name"]: tag["description"] for tag in document["tags"]}
    used = {tag for operation in operations(document) for tag in operation.get("tags", [])}
    assert used <= set(described), f"{service}: tags without a description: {used - set(described)}"
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", tag) for tag in used), sorted(used)
    assert all(re.search(r"[\u4e00-\u9fff]", text) for text in described.values()), described


@pytest.mark.parametrize("service", SERVICES)
def test_every_summary_is_in_chinese_and_english(
    documents: dict[str, dict[str, Any]], service: str
) -> None:
    summaries = [operation.get("summary", "") for operation in operations(documents[service])]
    one_language = [
        s for s in summaries if not (re.search(r"[\u4e00-\u9fff]", s) and re.search(r"[A-Za-z]", s))
    ]
    assert not one_language, f"{service}: summaries not in both languages: {one_language}"
