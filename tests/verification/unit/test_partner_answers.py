"""A partner source that answers out of contract is a failed query, never an exception (VER-1)."""

from __future__ import annotations

import json

import httpx
import pytest

from verification.adapters.partner_data import Failure, PartnerDataClient

RESIDENT = "11010519491231002X"
GOOD = {"monthly_income_fen": 0, "assets_fen": 0, "deceased": False, "reference": "r-1"}


def client_answering(content: bytes) -> PartnerDataClient:
    """A client whose every query gets `content` back with 200 (a source out of contract)."""
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=content))
    return PartnerDataClient("http://partner", attempts=1, backoff_s=0, transport=transport)


@pytest.mark.req("VER-1")
@pytest.mark.parametrize(
    "content",
    [
        b"[1, 2]",  # not an object
        b'{"monthly_income_fen": null, "assets_fen": 0, "deceased": false, "reference": "r"}',
        b'{"assets_fen": 0}',  # fields missing
        b'{"monthly_income_fen": "lots", "assets_fen": 0, "deceased": false, "reference": "r"}',
        b"<html>maintenance</html>",
        b"[" * 5000,  # deeper than any JSON reader follows
    ],
)
async def test_an_answer_out_of_contract_is_a_failure_naming_what_went_wrong(
    content: bytes,
) -> None:
    outcome = await client_answering(content).query("tax", RESIDENT, "授权-1")
    assert isinstance(outcome, Failure)
    assert outcome.error


async def test_an_answer_in_contract_is_read() -> None:
    outcome = await client_answering(json.dumps(GOOD).encode()).query("tax", RESIDENT, "授权-1")
    assert not isinstance(outcome, Failure)
    assert outcome.reference == "r-1"
