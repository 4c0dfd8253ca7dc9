from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.screening_view import ScreeningView
from ...types import Response


def _get_kwargs(
    screening_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/extreme-poverty-inclusions/{screening_id}".format(
            screening_id=quote(str(screening_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ScreeningView | None:
    if response.status_code == 200:
        response_200 = ScreeningView.from_dict(response.json())

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
) -> Response[Problem | ScreeningView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    screening_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ScreeningView]:
    """查询甄别记录 A screening, its outcome and the county's action

     The screening as its stream says now; ETag for the county's decision.

    Args:
        screening_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreeningView]
    """

    kwargs = _get_kwargs(
        screening_id=screening_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    screening_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ScreeningView | None:
    """查询甄别记录 A screening, its outcome and the county's action

     The screening as its stream says now; ETag for the county's decision.

    Args:
        screening_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreeningView
    """

    return sync_detailed(
        screening_id=screening_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    screening_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ScreeningView]:
    """查询甄别记录 A screening, its outcome and the county's action

     The screening as its stream says now; ETag for the county's decision.

    Args:
        screening_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScreeningView]
    """

    kwargs = _get_kwargs(
        screening_id=screening_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    screening_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ScreeningView | None:
    """查询甄别记录 A screening, its outcome and the county's action

     The screening as its stream says now; ETag for the county's decision.

    Args:
        screening_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScreeningView
    """

    return (
        await asyncio_detailed(
            screening_id=screening_id,
            client=client,
        )
    ).parsed
