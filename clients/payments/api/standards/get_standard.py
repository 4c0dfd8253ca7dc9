from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.standard_read import StandardRead
from ...types import Response


def _get_kwargs(
    division_code: str,
    programme: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/standards/{division_code}/{programme}".format(
            division_code=quote(str(division_code), safe=""),
            programme=quote(str(programme), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StandardRead | None:
    if response.status_code == 200:
        response_200 = StandardRead.from_dict(response.json())

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
) -> Response[Problem | StandardRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    division_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StandardRead]:
    """查询保障标准 Get a standard and its versions

     Every version of the standard, newest last, with the stream version as ETag.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandardRead]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
        programme=programme,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    division_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Problem | StandardRead | None:
    """查询保障标准 Get a standard and its versions

     Every version of the standard, newest last, with the stream version as ETag.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandardRead
    """

    return sync_detailed(
        division_code=division_code,
        programme=programme,
        client=client,
    ).parsed


async def asyncio_detailed(
    division_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | StandardRead]:
    """查询保障标准 Get a standard and its versions

     Every version of the standard, newest last, with the stream version as ETag.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandardRead]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
        programme=programme,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    division_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Problem | StandardRead | None:
    """查询保障标准 Get a standard and its versions

     Every version of the standard, newest last, with the stream version as ETag.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandardRead
    """

    return (
        await asyncio_detailed(
            division_code=division_code,
            programme=programme,
            client=client,
        )
    ).parsed
