from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_open_rectification_read import PageOpenRectificationRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["overdue"] = overdue

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
        "url": "/v1/rectifications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageOpenRectificationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageOpenRectificationRead.from_dict(response.json())

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
) -> Response[PageOpenRectificationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOpenRectificationRead | Problem]:
    """整改事项 Open rectifications in your jurisdiction

     Oldest deadline first; `overdue=true` for those past their date.

    Args:
        overdue (bool | Unset):  Default: False.
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOpenRectificationRead | Problem]
    """

    kwargs = _get_kwargs(
        overdue=overdue,
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
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOpenRectificationRead | Problem | None:
    """整改事项 Open rectifications in your jurisdiction

     Oldest deadline first; `overdue=true` for those past their date.

    Args:
        overdue (bool | Unset):  Default: False.
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOpenRectificationRead | Problem
    """

    return sync_detailed(
        client=client,
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageOpenRectificationRead | Problem]:
    """整改事项 Open rectifications in your jurisdiction

     Oldest deadline first; `overdue=true` for those past their date.

    Args:
        overdue (bool | Unset):  Default: False.
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageOpenRectificationRead | Problem]
    """

    kwargs = _get_kwargs(
        overdue=overdue,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    overdue: bool | Unset = False,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageOpenRectificationRead | Problem | None:
    """整改事项 Open rectifications in your jurisdiction

     Oldest deadline first; `overdue=true` for those past their date.

    Args:
        overdue (bool | Unset):  Default: False.
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageOpenRectificationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            overdue=overdue,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
