from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_read import ComplaintRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    complaint_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/complaints/{complaint_id}".format(
            complaint_id=quote(str(complaint_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintRead | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintRead.from_dict(response.json())

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
) -> Response[ComplaintRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ComplaintRead | Problem]:
    """查阅投诉举报 Get a complaint (the complainant only for the handling inspector)

     The complaint at its current version, with its ETag.

    Args:
        complaint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
    """

    kwargs = _get_kwargs(
        complaint_id=complaint_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
) -> ComplaintRead | Problem | None:
    """查阅投诉举报 Get a complaint (the complainant only for the handling inspector)

     The complaint at its current version, with its ETag.

    Args:
        complaint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintRead | Problem
    """

    return sync_detailed(
        complaint_id=complaint_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[ComplaintRead | Problem]:
    """查阅投诉举报 Get a complaint (the complainant only for the handling inspector)

     The complaint at its current version, with its ETag.

    Args:
        complaint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
    """

    kwargs = _get_kwargs(
        complaint_id=complaint_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
) -> ComplaintRead | Problem | None:
    """查阅投诉举报 Get a complaint (the complainant only for the handling inspector)

     The complaint at its current version, with its ETag.

    Args:
        complaint_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintRead | Problem
    """

    return (
        await asyncio_detailed(
            complaint_id=complaint_id,
            client=client,
        )
    ).parsed
