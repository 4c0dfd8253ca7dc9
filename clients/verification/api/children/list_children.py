from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_children_category_type_0 import ListChildrenCategoryType0
from ...models.list_children_guardianship_status_type_0 import (
    ListChildrenGuardianshipStatusType0,
)
from ...models.page_child_summary import PageChildSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    category: ListChildrenCategoryType0 | None | Unset = UNSET,
    guardianship_status: ListChildrenGuardianshipStatusType0 | None | Unset = UNSET,
    follow_up_needed: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, ListChildrenCategoryType0):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    json_guardianship_status: None | str | Unset
    if isinstance(guardianship_status, Unset):
        json_guardianship_status = UNSET
    elif isinstance(guardianship_status, ListChildrenGuardianshipStatusType0):
        json_guardianship_status = guardianship_status.value
    else:
        json_guardianship_status = guardianship_status
    params["guardianship_status"] = json_guardianship_status

    json_follow_up_needed: bool | None | Unset
    if isinstance(follow_up_needed, Unset):
        json_follow_up_needed = UNSET
    else:
        json_follow_up_needed = follow_up_needed
    params["follow_up_needed"] = json_follow_up_needed

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
        "url": "/v1/children",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageChildSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageChildSummary.from_dict(response.json())

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
) -> Response[PageChildSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    category: ListChildrenCategoryType0 | None | Unset = UNSET,
    guardianship_status: ListChildrenGuardianshipStatusType0 | None | Unset = UNSET,
    follow_up_needed: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageChildSummary | Problem]:
    """儿童关爱保护名册 The children on the register within your division

     The register's children within the caller's division, resident IDs masked.

    Args:
        category (ListChildrenCategoryType0 | None | Unset):
        guardianship_status (ListChildrenGuardianshipStatusType0 | None | Unset):
        follow_up_needed (bool | None | Unset):
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChildSummary | Problem]
    """

    kwargs = _get_kwargs(
        category=category,
        guardianship_status=guardianship_status,
        follow_up_needed=follow_up_needed,
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
    category: ListChildrenCategoryType0 | None | Unset = UNSET,
    guardianship_status: ListChildrenGuardianshipStatusType0 | None | Unset = UNSET,
    follow_up_needed: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageChildSummary | Problem | None:
    """儿童关爱保护名册 The children on the register within your division

     The register's children within the caller's division, resident IDs masked.

    Args:
        category (ListChildrenCategoryType0 | None | Unset):
        guardianship_status (ListChildrenGuardianshipStatusType0 | None | Unset):
        follow_up_needed (bool | None | Unset):
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChildSummary | Problem
    """

    return sync_detailed(
        client=client,
        category=category,
        guardianship_status=guardianship_status,
        follow_up_needed=follow_up_needed,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    category: ListChildrenCategoryType0 | None | Unset = UNSET,
    guardianship_status: ListChildrenGuardianshipStatusType0 | None | Unset = UNSET,
    follow_up_needed: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageChildSummary | Problem]:
    """儿童关爱保护名册 The children on the register within your division

     The register's children within the caller's division, resident IDs masked.

    Args:
        category (ListChildrenCategoryType0 | None | Unset):
        guardianship_status (ListChildrenGuardianshipStatusType0 | None | Unset):
        follow_up_needed (bool | None | Unset):
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageChildSummary | Problem]
    """

    kwargs = _get_kwargs(
        category=category,
        guardianship_status=guardianship_status,
        follow_up_needed=follow_up_needed,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    category: ListChildrenCategoryType0 | None | Unset = UNSET,
    guardianship_status: ListChildrenGuardianshipStatusType0 | None | Unset = UNSET,
    follow_up_needed: bool | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageChildSummary | Problem | None:
    """儿童关爱保护名册 The children on the register within your division

     The register's children within the caller's division, resident IDs masked.

    Args:
        category (ListChildrenCategoryType0 | None | Unset):
        guardianship_status (ListChildrenGuardianshipStatusType0 | None | Unset):
        follow_up_needed (bool | None | Unset):
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageChildSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            category=category,
            guardianship_status=guardianship_status,
            follow_up_needed=follow_up_needed,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
