"""Pure HTTP helpers: cursors, pages, request fingerprints, ETags (GEN-8)."""

from __future__ import annotations

import pytest
from starlette.requests import Request

from shared.domain.errors import ConcurrencyConflict
from shared.http.etag import (
    InvalidIfMatch,
    PreconditionRequired,
    etag_for,
    expected_version_from_if_match,
    precondition_failed_from,
)
from shared.http.idempotency import fingerprint_of
from shared.http.pagination import InvalidCursor, Page, decode_cursor, encode_cursor

pytestmark = pytest.mark.req("GEN-8")


def request_with(headers: dict[str, str]) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "PUT", "path": "/", "headers": raw})


def test_a_cursor_round_trips_and_is_url_safe() -> None:
    position = {"after": 12345, "division": "620102", "name": "城关"}
    cursor = encode_cursor(position)
    assert decode_cursor(cursor) == position
    assert all(c.isalnum() or c in "-_" for c in cursor)


@pytest.mark.parametrize("cursor", ["not base64 !", "bnVsbA", "WzEsMl0", "%%%"])
def test_a_cursor_not_made_here_is_refused(cursor: str) -> None:
    # "bnVsbA" is base64 of null, "WzEsMl0" of [1,2]: JSON, but not a position
    with pytest.raises(InvalidCursor) as refused:
        decode_cursor(cursor)
    assert (refused.value.status, refused.value.code) == (400, "invalid-cursor")
    assert refused.value.extensions["field"] == "query.cursor"


def test_a_page_serialises_items_and_the_next_cursor() -> None:
    page = Page[int](items=[1, 2], next_cursor=None)
    assert page.model_dump() == {"items": [1, 2], "next_cursor": None}


def test_a_fingerprint_ignores_json_key_order_but_not_content() -> None:
    same = fingerprint_of("post", "/v1/x", b'{"a": 1, "b": 2}')
    assert same == fingerprint_of("POST", "/v1/x", b'{"b":2,"a":1}')
    assert same != fingerprint_of("POST", "/v1/x", b'{"a": 1, "b": 3}')
    assert same != fingerprint_of("POST", "/v1/y", b'{"a": 1, "b": 2}')


def test_if_match_carries_the_version_of_the_etag() -> None:
    assert etag_for(7) == '"7"'
    assert expected_version_from_if_match(request_with({"If-Match": '"7"'})) == 7
    assert expected_version_from_if_match(request_with({}), required=False) is None


@pytest.mark.parametrize("header", ['W/"7"', "7", '"7", "8"', "*", '"-1"'])
def test_a_malformed_if_match_is_refused(header: str) -> None:
    with pytest.raises(InvalidIfMatch):
        expected_version_from_if_match(request_with({"If-Match": header}))


def test_a_missing_if_match_is_required() -> None:
    with pytest.raises(PreconditionRequired) as refused:
        expected_version_from_if_match(request_with({}))
    assert refused.value.status == 428


def test_a_conflict_becomes_a_412_with_the_current_etag() -> None:
    failed = precondition_failed_from(ConcurrencyConflict("case-1", 3, 5))
    assert (failed.status, failed.code) == (412, "precondition-failed")
    assert failed.extensions["current_etag"] == '"5"'
