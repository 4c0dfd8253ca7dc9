"""The static upcasters of published events: pure functions from one schema version's data to the
next. The producer registers them and the contract reads through them, so both lift alike."""

from __future__ import annotations

from typing import Any


def upcast_case_opened_v1_v2(data: dict[str, Any]) -> dict[str, Any]:
    """verification.CaseOpened v1 carried no members, assets, bank account or opening date."""
    return {**data, "members": [], "declared_assets_fen": 0, "bank_account": None}
