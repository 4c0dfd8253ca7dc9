from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capacity_file_read import CapacityFileRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    division_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/capacity/{division_code}".format(
            division_code=quote(str(division_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CapacityFileRead | Problem | None:
    if response.status_code == 200:
        response_200 = CapacityFileRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CapacityFileRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    division_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[CapacityFileRead | Problem]:
    """基层力量档案 A division's capacity file

     Desk person, purchased services and trainings (version 0 when nothing recorded).

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityFileRead | Problem]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    division_code: str,
    *,
    client: AuthenticatedClient,
) -> CapacityFileRead | Problem | None:
    """基层力量档案 A division's capacity file

     Desk person, purchased services and trainings (version 0 when nothing recorded).

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityFileRead | Problem
    """

    return sync_detailed(
        division_code=division_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    division_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[CapacityFileRead | Problem]:
    """基层力量档案 A division's capacity file

     Desk person, purchased services and trainings (version 0 when nothing recorded).

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityFileRead | Problem]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    division_code: str,
    *,
    client: AuthenticatedClient,
) -> CapacityFileRead | Problem | None:
    """基层力量档案 A division's capacity file

     Desk person, purchased services and trainings (version 0 when nothing recorded).

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityFileRead | Problem
    """

    return (
        await asyncio_detailed(
            division_code=division_code,
            client=client,
        )
    ).parsed
