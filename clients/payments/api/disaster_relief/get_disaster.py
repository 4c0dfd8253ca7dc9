from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.disaster_read import DisasterRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    disaster_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disasters/{disaster_id}".format(
            disaster_id=quote(str(disaster_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DisasterRead | Problem | None:
    if response.status_code == 200:
        response_200 = DisasterRead.from_dict(response.json())

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
) -> Response[DisasterRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    disaster_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DisasterRead | Problem]:
    """灾害救助情况 Relief and shelters of a disaster

     Allocation, granted, households by priority, those still in shelter and the target.

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisasterRead | Problem]
    """

    kwargs = _get_kwargs(
        disaster_id=disaster_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    disaster_id: str,
    *,
    client: AuthenticatedClient,
) -> DisasterRead | Problem | None:
    """灾害救助情况 Relief and shelters of a disaster

     Allocation, granted, households by priority, those still in shelter and the target.

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisasterRead | Problem
    """

    return sync_detailed(
        disaster_id=disaster_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    disaster_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[DisasterRead | Problem]:
    """灾害救助情况 Relief and shelters of a disaster

     Allocation, granted, households by priority, those still in shelter and the target.

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisasterRead | Problem]
    """

    kwargs = _get_kwargs(
        disaster_id=disaster_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    disaster_id: str,
    *,
    client: AuthenticatedClient,
) -> DisasterRead | Problem | None:
    """灾害救助情况 Relief and shelters of a disaster

     Allocation, granted, households by priority, those still in shelter and the target.

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisasterRead | Problem
    """

    return (
        await asyncio_detailed(
            disaster_id=disaster_id,
            client=client,
        )
    ).parsed
