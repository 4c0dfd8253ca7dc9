from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    village_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/notices/{village_code}/print".format(
            village_code=quote(str(village_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.content)
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
) -> Response[Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """公示（打印） The printable notice in Chinese (HTML)

     A page to print and post at the place of residence.

    Args:
        village_code (str): GB/T 2260 code of a township (9 digits) or village (12 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    village_code: str,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """公示（打印） The printable notice in Chinese (HTML)

     A page to print and post at the place of residence.

    Args:
        village_code (str): GB/T 2260 code of a township (9 digits) or village (12 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return sync_detailed(
        village_code=village_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    village_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | str]:
    """公示（打印） The printable notice in Chinese (HTML)

     A page to print and post at the place of residence.

    Args:
        village_code (str): GB/T 2260 code of a township (9 digits) or village (12 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | str]
    """

    kwargs = _get_kwargs(
        village_code=village_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    village_code: str,
    *,
    client: AuthenticatedClient,
) -> Problem | str | None:
    """公示（打印） The printable notice in Chinese (HTML)

     A page to print and post at the place of residence.

    Args:
        village_code (str): GB/T 2260 code of a township (9 digits) or village (12 digits)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | str
    """

    return (
        await asyncio_detailed(
            village_code=village_code,
            client=client,
        )
    ).parsed
