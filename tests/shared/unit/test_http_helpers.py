"""Pure HTTP helpers: cursors, pages, request fingerprints, ETags (GEN-8)."""

from __future__ import annotations

import base64

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
from shared.http.pagination import (
    InvalidCursor,
    Page,
    cursor_list,
    decode_cursor,
    encode_cursor,
)

pytestmark = pytest.mark.req("GEN-8")


def request_with(headers: dict[str, str]) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "PUT", "path": "/", "headers": raw})


KEY = b"k" * 32
ALERTS, COMPLAINTS = "/v1/alerts", "/v1/complaints"


def test_a_cursor_round_trips_in_its_list_and_is_url_safe() -> None:
    position = {"after": 12345, "division": "620102", "name": "城关"}
    with cursor_list(KEY, ALERTS):
        cursor = encode_cursor(position)
        assert decode_cursor(cursor) == position
    assert all(c.isalnum() or c in "-_." for c in cursor)


def _edited(cursor: str) -> str:
    """The same cursor with its position changed and its MAC kept (a forger's edit)."""
    _, mac = cursor.split(".")
    forged = base64.urlsafe_b64encode(b'{"after":1}').rstrip(b"=").decode()
    return f"{forged}.{mac}"


@pytest.mark.parametrize("cursor", ["not base64 !", "bnVsbA", "WzEsMl0", "%%%", "e30", "e30.AAAA"])
def test_a_cursor_not_made_here_is_refused_naming_it(cursor: str) -> None:
    # "bnVsbA" is base64 of null, "WzEsMl0" of [1,2], "e30" of {}: JSON, but no MAC of ours
    with cursor_list(KEY, ALERTS), pytest.raises(InvalidCursor) as refused:
        decode_cursor(cursor)
    assert (refused.value.status, refused.value.code) == (400, "invalid-cursor")
    assert refused.value.extensions["field"] == "query.cursor"


def test_a_cursor_of_another_list_another_key_or_edited_is_refused() -> None:
    with cursor_list(KEY, COMPLAINTS):
        theirs = encode_cursor({"at": "2026-12-01T00:00:00+08:00", "id": "c-1"})
    with cursor_list(b"x" * 32, ALERTS):
        other_key = encode_cursor({"at": "2026-12-01T00:00:00+08:00", "id": "c-1"})
    with cursor_list(KEY, ALERTS):
        ours = encode_cursor({"at": "2026-12-01T00:00:00+08:00", "id": "a-1"})
        for cursor in (theirs, other_key, _edited(ours)):
            with pytest.raises(InvalidCursor):
                decode_cursor(cursor)
        assert decode_cursor(ours)["id"] == "a-1"


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


@pytest.mark.req("GEN-8")
@pytest.mark.parametrize("header", ["", "  "])
@pytest.mark.parametrize("required", [True, False])
def test_an_empty_if_match_is_malformed_not_absent(header: str, required: bool) -> None:
    # an empty header is not the same as none: a create-or-update must not create on it
    with pytest.raises(InvalidIfMatch):
        expected_version_from_if_match(request_with({"If-Match": header}), required=required)


def test_a_missing_if_match_is_required() -> None:
    with pytest.raises(PreconditionRequired) as refused:
        expected_version_from_if_match(request_with({}))
    assert refused.value.status == 428


def test_a_conflict_becomes_a_412_with_the_current_etag() -> None:
    failed = precondition_failed_from(ConcurrencyConflict("case-1", 3, 5))
    assert (failed.status, failed.code) == (412, "precondition-failed")
    assert failed.extensions["current_etag"] == '"5"'
