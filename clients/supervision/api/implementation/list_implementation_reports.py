from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.implementation_ledger_read import ImplementationLedgerRead
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    period: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/implementation-reports",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImplementationLedgerRead | Problem | None:
    if response.status_code == 200:
        response_200 = ImplementationLedgerRead.from_dict(response.json())

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
) -> Response[ImplementationLedgerRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
) -> Response[ImplementationLedgerRead | Problem]:
    """贯彻落实情况台账 Filed, late and missing reports per county

     Every county in the caller's jurisdiction with its status for the period.

    Args:
        period (str): 2026-H1 / 2026-H2, or 2026

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImplementationLedgerRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
) -> ImplementationLedgerRead | Problem | None:
    """贯彻落实情况台账 Filed, late and missing reports per county

     Every county in the caller's jurisdiction with its status for the period.

    Args:
        period (str): 2026-H1 / 2026-H2, or 2026

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImplementationLedgerRead | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
) -> Response[ImplementationLedgerRead | Problem]:
    """贯彻落实情况台账 Filed, late and missing reports per county

     Every county in the caller's jurisdiction with its status for the period.

    Args:
        period (str): 2026-H1 / 2026-H2, or 2026

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImplementationLedgerRead | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
) -> ImplementationLedgerRead | Problem | None:
    """贯彻落实情况台账 Filed, late and missing reports per county

     Every county in the caller's jurisdiction with its status for the period.

    Args:
        period (str): 2026-H1 / 2026-H2, or 2026

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImplementationLedgerRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
        )
    ).parsed
