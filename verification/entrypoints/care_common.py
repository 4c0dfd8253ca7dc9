"""What the care register's routes share (VER-10): who reads it, and where a child or a screened
person lives (the division a command on them is authorised against)."""

from __future__ import annotations

from shared.http.auth import require_roles
from verification.domain.children import Child
from verification.domain.inclusion import InclusionScreening

# Children's data and disability details are read by the civil-affairs officers who act on them
# only: not inspectors, auditors, partner agencies, banks, charities or village committees
# (ADR 0030).
REGISTER_READERS = ("township_officer", "county_officer", "city_officer", "province_officer")
READ_REGISTER = require_roles(*REGISTER_READERS)


def division_of(item: Child | InclusionScreening) -> str:
    """Where the child or the screened person lives."""
    if isinstance(item, Child):
        assert item.registered is not None
        return item.registered.division_code
    assert item.screened is not None
    return item.screened.division_code
