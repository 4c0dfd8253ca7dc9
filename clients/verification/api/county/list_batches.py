from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_batch_summary import PageBatchSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    complete: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_complete: bool | None | Unset
    if isinstance(complete, Unset):
        json_complete = UNSET
    else:
        json_complete = complete
    params["complete"] = json_complete

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/batches",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageBatchSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageBatchSummary.from_dict(response.json())

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
) -> Response[PageBatchSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    complete: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageBatchSummary | Problem]:
    """审批批次列表 The batches within your division (cursor-paginated)

     Batches of the townships within the caller's division, by id.

    Args:
        complete (bool | None | Unset): Only complete (or incomplete) spot checks
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBatchSummary | Problem]
    """

    kwargs = _get_kwargs(
        complete=complete,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    complete: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageBatchSummary | Problem | None:
    """审批批次列表 The batches within your division (cursor-paginated)

     Batches of the townships within the caller's division, by id.

    Args:
        complete (bool | None | Unset): Only complete (or incomplete) spot checks
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBatchSummary | Problem
    """

    return sync_detailed(
        client=client,
        complete=complete,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    complete: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageBatchSummary | Problem]:
    """审批批次列表 The batches within your division (cursor-paginated)

     Batches of the townships within the caller's division, by id.

    Args:
        complete (bool | None | Unset): Only complete (or incomplete) spot checks
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageBatchSummary | Problem]
    """

    kwargs = _get_kwargs(
        complete=complete,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    complete: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageBatchSummary | Problem | None:
    """审批批次列表 The batches within your division (cursor-paginated)

     Batches of the townships within the caller's division, by id.

    Args:
        complete (bool | None | Unset): Only complete (or incomplete) spot checks
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageBatchSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            complete=complete,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
