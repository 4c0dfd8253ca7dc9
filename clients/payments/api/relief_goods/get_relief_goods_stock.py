from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.goods_stock_read import GoodsStockRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    disaster_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/disasters/{disaster_id}/goods".format(
            disaster_id=quote(str(disaster_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GoodsStockRead | Problem | None:
    if response.status_code == 200:
        response_200 = GoodsStockRead.from_dict(response.json())

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
) -> Response[GoodsStockRead | Problem]:
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
) -> Response[GoodsStockRead | Problem]:
    """救灾物资库存 The disaster's goods stock

     Per item received, issued and in stock; every receipt and issue (version 0: none yet).

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoodsStockRead | Problem]
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
) -> GoodsStockRead | Problem | None:
    """救灾物资库存 The disaster's goods stock

     Per item received, issued and in stock; every receipt and issue (version 0: none yet).

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoodsStockRead | Problem
    """

    return sync_detailed(
        disaster_id=disaster_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    disaster_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[GoodsStockRead | Problem]:
    """救灾物资库存 The disaster's goods stock

     Per item received, issued and in stock; every receipt and issue (version 0: none yet).

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GoodsStockRead | Problem]
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
) -> GoodsStockRead | Problem | None:
    """救灾物资库存 The disaster's goods stock

     Per item received, issued and in stock; every receipt and issue (version 0: none yet).

    Args:
        disaster_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GoodsStockRead | Problem
    """

    return (
        await asyncio_detailed(
            disaster_id=disaster_id,
            client=client,
        )
    ).parsed
