from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    period: str,
    division: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    json_division: None | str | Unset
    if isinstance(division, Unset):
        json_division = UNSET
    else:
        json_division = division
    params["division"] = json_division

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/statistics.xlsx",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | Problem | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[File | Problem]:
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
    division: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """统计报表（Excel）The month's statistics as an XLSX workbook

     Same figures as the JSON report; one sheet per table, Chinese headers, yuan beside fen.

    Args:
        period (str): month, YYYY-MM (China time)
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        division=division,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
    division: None | str | Unset = UNSET,
) -> File | Problem | None:
    """统计报表（Excel）The month's statistics as an XLSX workbook

     Same figures as the JSON report; one sheet per table, Chinese headers, yuan beside fen.

    Args:
        period (str): month, YYYY-MM (China time)
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        division=division,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    division: None | str | Unset = UNSET,
) -> Response[File | Problem]:
    """统计报表（Excel）The month's statistics as an XLSX workbook

     Same figures as the JSON report; one sheet per table, Chinese headers, yuan beside fen.

    Args:
        period (str): month, YYYY-MM (China time)
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        division=division,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
    division: None | str | Unset = UNSET,
) -> File | Problem | None:
    """统计报表（Excel）The month's statistics as an XLSX workbook

     Same figures as the JSON report; one sheet per table, Chinese headers, yuan beside fen.

    Args:
        period (str): month, YYYY-MM (China time)
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            division=division,
        )
    ).parsed
