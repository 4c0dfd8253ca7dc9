from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inspection_read import InspectionRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    inspection_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inspections/{inspection_id}".format(
            inspection_id=quote(str(inspection_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InspectionRead | Problem | None:
    if response.status_code == 200:
        response_200 = InspectionRead.from_dict(response.json())

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
) -> Response[InspectionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    inspection_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InspectionRead | Problem]:
    """查阅督查 Get an inspection

     The inspection; an unannounced one stays hidden from the inspected side until visited.

    Args:
        inspection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InspectionRead | Problem]
    """

    kwargs = _get_kwargs(
        inspection_id=inspection_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    inspection_id: str,
    *,
    client: AuthenticatedClient,
) -> InspectionRead | Problem | None:
    """查阅督查 Get an inspection

     The inspection; an unannounced one stays hidden from the inspected side until visited.

    Args:
        inspection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InspectionRead | Problem
    """

    return sync_detailed(
        inspection_id=inspection_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    inspection_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InspectionRead | Problem]:
    """查阅督查 Get an inspection

     The inspection; an unannounced one stays hidden from the inspected side until visited.

    Args:
        inspection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InspectionRead | Problem]
    """

    kwargs = _get_kwargs(
        inspection_id=inspection_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    inspection_id: str,
    *,
    client: AuthenticatedClient,
) -> InspectionRead | Problem | None:
    """查阅督查 Get an inspection

     The inspection; an unannounced one stays hidden from the inspected side until visited.

    Args:
        inspection_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InspectionRead | Problem
    """

    return (
        await asyncio_detailed(
            inspection_id=inspection_id,
            client=client,
        )
    ).parsed
