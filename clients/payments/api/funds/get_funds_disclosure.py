from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.disclosure_read import DisclosureRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    county_code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disclosure/{county_code}".format(
            county_code=quote(str(county_code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DisclosureRead | Problem | None:
    if response.status_code == 200:
        response_200 = DisclosureRead.from_dict(response.json())

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
) -> Response[DisclosureRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    county_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[DisclosureRead | Problem]:
    """资金使用公示 Fund use and performance figures (JSON)

     Allocated / arrived / paid by programme, payout, on-time, coverage, cost per head.

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisclosureRead | Problem]
    """

    kwargs = _get_kwargs(
        county_code=county_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    county_code: str,
    *,
    client: AuthenticatedClient,
) -> DisclosureRead | Problem | None:
    """资金使用公示 Fund use and performance figures (JSON)

     Allocated / arrived / paid by programme, payout, on-time, coverage, cost per head.

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisclosureRead | Problem
    """

    return sync_detailed(
        county_code=county_code,
        client=client,
    ).parsed


async def asyncio_detailed(
    county_code: str,
    *,
    client: AuthenticatedClient,
) -> Response[DisclosureRead | Problem]:
    """资金使用公示 Fund use and performance figures (JSON)

     Allocated / arrived / paid by programme, payout, on-time, coverage, cost per head.

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DisclosureRead | Problem]
    """

    kwargs = _get_kwargs(
        county_code=county_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    county_code: str,
    *,
    client: AuthenticatedClient,
) -> DisclosureRead | Problem | None:
    """资金使用公示 Fund use and performance figures (JSON)

     Allocated / arrived / paid by programme, payout, on-time, coverage, cost per head.

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DisclosureRead | Problem
    """

    return (
        await asyncio_detailed(
            county_code=county_code,
            client=client,
        )
    ).parsed
