"""GEN-8 across intake: every POST needs an Idempotency-Key; OpenAPI 3.1 with examples."""

from __future__ import annotations

import re

import pytest

from tests.intake.conftest import Intake, body
from tests.support import headers_unlike_the_document


def _post_paths(intake: Intake) -> list[str]:
    document = intake.runtime.app.openapi()
    return sorted(p for p, ops in document["paths"].items() if "post" in ops)


@pytest.mark.req("GEN-8")
async def test_every_post_refuses_a_request_without_an_idempotency_key(intake: Intake) -> None:
    # given every POST route of intake, with placeholders for path ids, and for each a token of
    # a role its access table admits (any other role is refused first, 403)
    table = intake.runtime.app.state.access
    templates = _post_paths(intake)
    assert len(templates) >= 12
    paths, calls = [], {}
    for template in templates:
        path = re.sub(r"\{[^}]+\}", "x", template)
        headers = intake.headers(role=sorted(table[("POST", template)].roles)[0])
        del headers["Idempotency-Key"]
        paths.append(path)
        calls[path] = headers
    async with intake.client() as client:
        # when each is called without an Idempotency-Key
        answers = {p: await client.post(p, json={}, headers=calls[p]) for p in paths}
    # then each answers 400 idempotency-key-required and nothing is written
    assert {p: (a.status_code, a.json()["code"]) for p, a in answers.items()} == {
        p: (400, "idempotency-key-required") for p in paths
    }
    assert await intake.types() == []


@pytest.mark.req("GEN-8")
def test_the_openapi_document_has_chinese_examples_for_every_request_body(intake: Intake) -> None:
    # given intake's OpenAPI document
    document = intake.runtime.app.openapi()
    assert document["openapi"].startswith("3.1")
    schemas = document["components"]["schemas"]
    # then every request body it documents carries an example with Chinese text
    for path, ops in document["paths"].items():
        operation = ops.get("post")
        if operation is None or "requestBody" not in operation:
            continue
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        schema = schemas[ref.rsplit("/", 1)[1]]
        assert schema.get("examples"), path
        assert re.search(r"[\u4e00-\u9fff]", str(schema["examples"])), path
        assert "summary" in operation and re.search(r"[\u4e00-\u9fff]", operation["summary"]), path


@pytest.mark.req("GEN-8")
async def test_the_headers_an_answer_carries_are_the_ones_its_document_declares(
    intake: Intake,
) -> None:
    # given intake's published document and a household's application taken through its steps
    document = intake.runtime.app.openapi()
    amendment = {"declared_monthly_income_fen": 30_000, "declared_assets_fen": 0, "reason": "补正"}
    async with intake.client() as client:
        created = await client.post("/v1/applications", json=body(), headers=intake.headers())
        application = f"/v1/applications/{created.json()['application_id']}"
        amended = await client.post(
            f"{application}/amendments", json=amendment, headers=intake.headers(if_match=2)
        )
        await intake.caught_up()
        answers = [
            ("POST", "/v1/applications", created),
            ("POST", "/v1/applications/{application_id}/amendments", amended),
            (
                "GET",
                "/v1/applications/{application_id}",
                await client.get(application, headers=intake.headers()),
            ),
            (
                "GET",
                "/v1/applications",
                await client.get("/v1/applications", headers=intake.headers()),
            ),
            (
                "GET",
                "/v1/calendar/years/{year}",
                await client.get("/v1/calendar/years/2026", headers=intake.headers()),
            ),
        ]
    # then each carries ETag, Location and Retry-After exactly where the document declares them
    assert [a.status_code for _, _, a in answers] == [201, 200, 200, 200, 200], answers
    assert created.headers["Location"] == application
    for method, template, answer in answers:
        assert (
            headers_unlike_the_document(
                document, method, template, answer.status_code, answer.headers
            )
            == {}
        ), (method, template)
    # and the answers that name a version declare it as the ETag a client sends back
    declared = document["paths"]["/v1/applications/{application_id}"]["get"]["responses"]["200"]
    assert declared["headers"]["ETag"]["required"] is True
