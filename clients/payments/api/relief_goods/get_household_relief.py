from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.household_relief_read import HouseholdReliefRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    disaster_id: str,
    household_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disasters/{disaster_id}/households/{household_id}".format(
            disaster_id=quote(str(disaster_id), safe=""),
            household_id=quote(str(household_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> HouseholdReliefRead | Problem | None:
    if response.status_code == 200:
        response_200 = HouseholdReliefRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HouseholdReliefRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    disaster_id: str,
    household_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HouseholdReliefRead | Problem]:
    """受灾户领取的救灾款物 Money and goods a household received for a disaster

     The relief money granted and its payments, and the goods issued, to one household.

    Args:
        disaster_id (str):
        household_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HouseholdReliefRead | Problem]
    """

    kwargs = _get_kwargs(
        disaster_id=disaster_id,
        household_id=household_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    disaster_id: str,
    household_id: str,
    *,
    client: AuthenticatedClient,
) -> HouseholdReliefRead | Problem | None:
    """受灾户领取的救灾款物 Money and goods a household received for a disaster

     The relief money granted and its payments, and the goods issued, to one household.

    Args:
        disaster_id (str):
        household_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HouseholdReliefRead | Problem
    """

    return sync_detailed(
        disaster_id=disaster_id,
        household_id=household_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    disaster_id: str,
    household_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[HouseholdReliefRead | Problem]:
    """受灾户领取的救灾款物 Money and goods a household received for a disaster

     The relief money granted and its payments, and the goods issued, to one household.

    Args:
        disaster_id (str):
        household_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HouseholdReliefRead | Problem]
    """

    kwargs = _get_kwargs(
        disaster_id=disaster_id,
        household_id=household_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    disaster_id: str,
    household_id: str,
    *,
    client: AuthenticatedClient,
) -> HouseholdReliefRead | Problem | None:
    """受灾户领取的救灾款物 Money and goods a household received for a disaster

     The relief money granted and its payments, and the goods issued, to one household.

    Args:
        disaster_id (str):
        household_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HouseholdReliefRead | Problem
    """

    return (
        await asyncio_detailed(
            disaster_id=disaster_id,
            household_id=household_id,
            client=client,
        )
    ).parsed
