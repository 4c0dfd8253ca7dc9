from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_account_read import FundsAccountRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    county_code: str,
    programme: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/funds/{county_code}/{programme}".format(
            county_code=quote(str(county_code), safe=""),
            programme=quote(str(programme), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundsAccountRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundsAccountRead.from_dict(response.json())

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
) -> Response[FundsAccountRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    county_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[FundsAccountRead | Problem]:
    """资金账户 Allocated and arrived money by source, with the account's ETag

     The county's money for a programme by source (ETag for the next movement's If-Match).

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsAccountRead | Problem]
    """

    kwargs = _get_kwargs(
        county_code=county_code,
        programme=programme,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    county_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> FundsAccountRead | Problem | None:
    """资金账户 Allocated and arrived money by source, with the account's ETag

     The county's money for a programme by source (ETag for the next movement's If-Match).

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsAccountRead | Problem
    """

    return sync_detailed(
        county_code=county_code,
        programme=programme,
        client=client,
    ).parsed


async def asyncio_detailed(
    county_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[FundsAccountRead | Problem]:
    """资金账户 Allocated and arrived money by source, with the account's ETag

     The county's money for a programme by source (ETag for the next movement's If-Match).

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsAccountRead | Problem]
    """

    kwargs = _get_kwargs(
        county_code=county_code,
        programme=programme,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    county_code: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> FundsAccountRead | Problem | None:
    """资金账户 Allocated and arrived money by source, with the account's ETag

     The county's money for a programme by source (ETag for the next movement's If-Match).

    Args:
        county_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsAccountRead | Problem
    """

    return (
        await asyncio_detailed(
            county_code=county_code,
            programme=programme,
            client=client,
        )
    ).parsed
