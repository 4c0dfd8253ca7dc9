from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.migration_read import MigrationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    migration_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/migrations/{migration_id}".format(
            migration_id=quote(str(migration_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MigrationRead | Problem | None:
    if response.status_code == 200:
        response_200 = MigrationRead.from_dict(response.json())

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
) -> Response[MigrationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    migration_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[MigrationRead | Problem]:
    """查询迁移进度 An import's progress and its rejects by row and field

     Where an import stands (also one the command line is running) and its first rejects.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MigrationRead | Problem]
    """

    kwargs = _get_kwargs(
        migration_id=migration_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    migration_id: str,
    *,
    client: AuthenticatedClient,
) -> MigrationRead | Problem | None:
    """查询迁移进度 An import's progress and its rejects by row and field

     Where an import stands (also one the command line is running) and its first rejects.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MigrationRead | Problem
    """

    return sync_detailed(
        migration_id=migration_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    migration_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[MigrationRead | Problem]:
    """查询迁移进度 An import's progress and its rejects by row and field

     Where an import stands (also one the command line is running) and its first rejects.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MigrationRead | Problem]
    """

    kwargs = _get_kwargs(
        migration_id=migration_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    migration_id: str,
    *,
    client: AuthenticatedClient,
) -> MigrationRead | Problem | None:
    """查询迁移进度 An import's progress and its rejects by row and field

     Where an import stands (also one the command line is running) and its first rejects.

    Args:
        migration_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MigrationRead | Problem
    """

    return (
        await asyncio_detailed(
            migration_id=migration_id,
            client=client,
        )
    ).parsed
