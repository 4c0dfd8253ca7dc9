"""Digest arithmetic and the published event contracts, without I/O."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest

from services.event_schemas import EVENTS
from shared.eventstore.hashing import GENESIS_HASH, event_hash
from supervision.domain.digest import SealedRange, digest_root, leaf_of, merkle_root


def _row(position: int, data: dict) -> dict:
    instant = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
    row = {
        "event_id": uuid.UUID(int=position),
        "stream_id": "s",
        "stream_version": position,
        "position": position,
        "type": "intake.X",
        "schema_version": 1,
        "occurred_at": instant,
        "recorded_at": instant,
        "data": data,
        "metadata": {},
        "prev_hash": GENESIS_HASH,
    }
    return {**row, "hash": event_hash(**{k: v for k, v in row.items() if k != "position"})}


@pytest.mark.req("SUP-1")
def test_a_leaf_changes_with_content_place_or_recorded_hash() -> None:
    # given a leaf of an event
    row = _row(1, {"a": 1})
    leaf = leaf_of("intake", row)
    # then editing its data, its position, its service or its hash each changes the leaf
    assert leaf_of("intake", {**row, "data": {"a": 2}}) != leaf
    assert leaf_of("intake", {**row, "position": 2}) != leaf
    assert leaf_of("payments", row) != leaf
    assert leaf_of("intake", {**row, "hash": "f" * 64}) != leaf
    assert leaf_of("intake", dict(row)) == leaf


@pytest.mark.req("SUP-1")
def test_merkle_roots_depend_on_every_leaf_and_their_order() -> None:
    leaves = [leaf_of("intake", _row(p, {"p": p})) for p in range(1, 6)]
    root = merkle_root(leaves)
    assert merkle_root(list(reversed(leaves))) != root
    assert merkle_root(leaves[:-1]) != root
    assert merkle_root([*leaves[:2], "0" * 64, *leaves[3:]]) != root
    assert merkle_root([]) == GENESIS_HASH


@pytest.mark.req("SUP-1")
def test_a_digest_root_chains_onto_the_previous_one() -> None:
    ranges = [SealedRange("intake", 1, 5, 5, "a" * 64)]
    first = digest_root(GENESIS_HASH, ranges)
    assert digest_root(first, ranges) != first
    assert digest_root(GENESIS_HASH, [SealedRange("intake", 1, 5, 5, "b" * 64)]) != first


def test_the_corrective_action_contract_keeps_its_fields() -> None:
    # given supervision's published schema of a corrective action (payments pays it)
    path = EVENTS / "supervision" / "supervision.CorrectiveActionOrdered.v1.json"
    contract = json.loads(path.read_text(encoding="utf-8"))
    assert contract["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(contract["required"]) == {
        "action_id", "case_id", "action", "programme", "amount_fen", "reason", "complaint_id",
    }  # fmt: skip
