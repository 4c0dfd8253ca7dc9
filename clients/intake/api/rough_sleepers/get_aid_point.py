from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aid_point_read import AidPointRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    aid_point_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/aid-points/{aid_point_id}".format(
            aid_point_id=quote(str(aid_point_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AidPointRead | Problem | None:
    if response.status_code == 200:
        response_200 = AidPointRead.from_dict(response.json())

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
) -> Response[AidPointRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    aid_point_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AidPointRead | Problem]:
    """查询救助点 Get an aid point with its seasons

     The point as the read model holds it, with its version as ETag.

    Args:
        aid_point_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AidPointRead | Problem]
    """

    kwargs = _get_kwargs(
        aid_point_id=aid_point_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    aid_point_id: str,
    *,
    client: AuthenticatedClient,
) -> AidPointRead | Problem | None:
    """查询救助点 Get an aid point with its seasons

     The point as the read model holds it, with its version as ETag.

    Args:
        aid_point_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AidPointRead | Problem
    """

    return sync_detailed(
        aid_point_id=aid_point_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    aid_point_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[AidPointRead | Problem]:
    """查询救助点 Get an aid point with its seasons

     The point as the read model holds it, with its version as ETag.

    Args:
        aid_point_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AidPointRead | Problem]
    """

    kwargs = _get_kwargs(
        aid_point_id=aid_point_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    aid_point_id: str,
    *,
    client: AuthenticatedClient,
) -> AidPointRead | Problem | None:
    """查询救助点 Get an aid point with its seasons

     The point as the read model holds it, with its version as ETag.

    Args:
        aid_point_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AidPointRead | Problem
    """

    return (
        await asyncio_detailed(
            aid_point_id=aid_point_id,
            client=client,
        )
    ).parsed
