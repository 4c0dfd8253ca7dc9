"""Helpers shared by payments' routes: who reads and writes, If-Match on a created resource."""

from __future__ import annotations

from fastapi import Request

from shared.http.etag import PreconditionRequired, expected_version_from_if_match

OFFICERS = ("county_officer", "city_officer", "province_officer")
READERS = (*OFFICERS, "inspector", "auditor")


def expected_version(request: Request, current: int) -> int:
    """If-Match's version; a new resource (version 0) may be created without it (else 428)."""
    named = expected_version_from_if_match(request, required=False)
    if named is None:
        if current > 0:
            raise PreconditionRequired(
                f'the resource exists at version {current}: send If-Match: "{current}"',
                f'资源已存在（版本{current}），请在 If-Match 中提供 "{current}"',
            )
        return 0
    return named
