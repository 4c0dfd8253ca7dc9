from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coordination_file_read import CoordinationFileRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
    year: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/coordination/{code}/{year}".format(
            code=quote(str(code), safe=""),
            year=quote(str(year), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoordinationFileRead | Problem | None:
    if response.status_code == 200:
        response_200 = CoordinationFileRead.from_dict(response.json())

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
) -> Response[CoordinationFileRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    year: int,
    *,
    client: AuthenticatedClient,
) -> Response[CoordinationFileRead | Problem]:
    """协调档案 A county's or city's coordination file for a year

     The file (version 0 and empty when nothing was filed yet).

    Args:
        code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county
            (6), or a township (9) or village (12 digits) under a county
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationFileRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    year: int,
    *,
    client: AuthenticatedClient,
) -> CoordinationFileRead | Problem | None:
    """协调档案 A county's or city's coordination file for a year

     The file (version 0 and empty when nothing was filed yet).

    Args:
        code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county
            (6), or a township (9) or village (12 digits) under a county
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationFileRead | Problem
    """

    return sync_detailed(
        code=code,
        year=year,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    year: int,
    *,
    client: AuthenticatedClient,
) -> Response[CoordinationFileRead | Problem]:
    """协调档案 A county's or city's coordination file for a year

     The file (version 0 and empty when nothing was filed yet).

    Args:
        code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county
            (6), or a township (9) or village (12 digits) under a county
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationFileRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    year: int,
    *,
    client: AuthenticatedClient,
) -> CoordinationFileRead | Problem | None:
    """协调档案 A county's or city's coordination file for a year

     The file (version 0 and empty when nothing was filed yet).

    Args:
        code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a county
            (6), or a township (9) or village (12 digits) under a county
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationFileRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            year=year,
            client=client,
        )
    ).parsed
