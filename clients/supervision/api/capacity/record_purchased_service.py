from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.capacity_file_read import CapacityFileRead
from ...models.problem import Problem
from ...models.service_in import ServiceIn
from ...types import Response


def _get_kwargs(
    division_code: str,
    *,
    body: ServiceIn,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/capacity/{division_code}/purchased-services".format(
            division_code=quote(str(division_code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CapacityFileRead | Problem | None:
    if response.status_code == 200:
        response_200 = CapacityFileRead.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CapacityFileRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    division_code: str,
    *,
    client: AuthenticatedClient,
    body: ServiceIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CapacityFileRead | Problem]:
    """购买服务 Record a purchased service (If-Match)

     Record the provider, the service, the amount and the period.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ServiceIn): A purchased service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityFileRead | Problem]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    division_code: str,
    *,
    client: AuthenticatedClient,
    body: ServiceIn,
    idempotency_key: str,
    if_match: str,
) -> CapacityFileRead | Problem | None:
    """购买服务 Record a purchased service (If-Match)

     Record the provider, the service, the amount and the period.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ServiceIn): A purchased service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityFileRead | Problem
    """

    return sync_detailed(
        division_code=division_code,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    division_code: str,
    *,
    client: AuthenticatedClient,
    body: ServiceIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CapacityFileRead | Problem]:
    """购买服务 Record a purchased service (If-Match)

     Record the provider, the service, the amount and the period.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ServiceIn): A purchased service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CapacityFileRead | Problem]
    """

    kwargs = _get_kwargs(
        division_code=division_code,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    division_code: str,
    *,
    client: AuthenticatedClient,
    body: ServiceIn,
    idempotency_key: str,
    if_match: str,
) -> CapacityFileRead | Problem | None:
    """购买服务 Record a purchased service (If-Match)

     Record the provider, the service, the amount and the period.

    Args:
        division_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits),
            a county (6), or a township (9) or village (12 digits) under a county
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ServiceIn): A purchased service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CapacityFileRead | Problem
    """

    return (
        await asyncio_detailed(
            division_code=division_code,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
