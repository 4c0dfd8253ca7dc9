"""Expected versions over HTTP: strong ETags carry a stream version, If-Match carries it back.

A command sent with `If-Match` that then meets a `ConcurrencyConflict` was made against a stale
representation. Routes turn it into a problem with `precondition_failed_from(conflict)` (412
`precondition-failed`, RFC 9110); routes that let the conflict through answer 409
`version-conflict`. Both carry the current version, so the client can re-read and retry.
"""

from __future__ import annotations

import re

from fastapi import Request

from shared.domain.errors import ConcurrencyConflict, DomainError

_STRONG_ETAG = re.compile(r'"([0-9]{1,18})"')


class PreconditionRequired(DomainError):
    """A state-changing command came without `If-Match`."""

    code = "precondition-required"
    status = 428
    title_en = "If-Match header required"
    title_zh = "缺少 If-Match 请求头"


class InvalidIfMatch(DomainError):
    """`If-Match` is not one strong ETag of this API (`"<version>"`)."""

    code = "invalid-if-match"
    status = 400
    title_en = "Invalid If-Match header"
    title_zh = "If-Match 请求头无效"


class PreconditionFailed(DomainError):
    """`If-Match` named a version that is no longer current; nothing was changed."""

    code = "precondition-failed"
    status = 412
    title_en = "The resource has changed since you read it"
    title_zh = "资源在您读取后已被修改"


IF_MATCH_FIELD = "header.if-match"  # as a problem names the header


def etag_for(version: int) -> str:
    """The strong ETag of a resource at a stream version: `"7"`."""
    return f'"{version}"'


def expected_version_from_if_match(request: Request, required: bool = True) -> int | None:
    """The version named by `If-Match`: 428 when required and missing, 400 when malformed (an
    empty header included: it is not the same as none, and must not create what exists)."""
    header = request.headers.get("if-match")
    if header is None:
        if required:
            raise PreconditionRequired(
                'send If-Match with the ETag you read, e.g. If-Match: "3"',
                '请在 If-Match 中提供读取时获得的 ETag，例如 If-Match: "3"',
                field=IF_MATCH_FIELD,
            )
        return None
    match = _STRONG_ETAG.fullmatch(header.strip())
    if match is None:
        raise InvalidIfMatch(
            'If-Match must be one strong ETag of this API, e.g. "3" (no W/, no lists, no *)',
            'If-Match 必须是本接口的一个强 ETag，例如 "3"（不支持 W/、列表或 *）',
            field=IF_MATCH_FIELD,
        )
    return int(match.group(1))


def precondition_failed_from(conflict: ConcurrencyConflict) -> PreconditionFailed:
    """The 412 problem for a conflict met by a command sent with `If-Match`."""
    return PreconditionFailed(
        f"the resource is at version {conflict.actual}, If-Match named {conflict.expected}",
        f"资源当前版本为 {conflict.actual}，If-Match 指定的版本为 {conflict.expected}",
        current_etag=etag_for(conflict.actual),
        expected_version=conflict.expected,
        actual_version=conflict.actual,
    )
