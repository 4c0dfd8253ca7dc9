"""The extreme-poverty standard is at least 1.3× the local dibao (PAY-1): one standard serves
urban and rural persons, so it is held to the higher of the two dibao standards."""

from __future__ import annotations

import pytest

from tests.payments.support import COUNTY, SINCE, Payments


async def _set(payments: Payments, programme: str, fen: int, version: int = 0) -> tuple[int, dict]:
    headers = payments.headers()
    if version:
        headers["If-Match"] = f'"{version}"'
    async with payments.client() as client:
        answer = await client.post(
            "/v1/standards",
            json={"division_code": COUNTY, "programme": programme, "effective_from": SINCE,
                  "monthly_per_person_fen": fen, "reason": "县标准"},
            headers=headers,
        )  # fmt: skip
    return answer.status_code, answer.json()


@pytest.mark.req("PAY-1")
async def test_extreme_poverty_is_held_to_the_higher_of_urban_and_rural_dibao(
    payments: Payments,
) -> None:
    # given the county's rural dibao at 500 yuan and its urban dibao at 700 yuan
    assert (await _set(payments, "rural_dibao", 50_000))[0] == 201
    assert (await _set(payments, "urban_dibao", 70_000))[0] == 201
    # when extreme poverty is set at 1.3× the rural one only (660 yuan)
    status, problem = await _set(payments, "extreme_poverty", 66_000)
    # then it is refused: 1.3× the urban dibao is 910 yuan
    assert (status, problem["code"]) == (422, "extreme-poverty-below-ratio"), problem
    # and 910 yuan is accepted
    assert (await _set(payments, "extreme_poverty", 91_000))[0] == 201
