from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coordination_file_read import CoordinationFileRead
from ...models.meeting_in import MeetingIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    city_code: str,
    year: int,
    *,
    body: MeetingIn,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/coordination/{city_code}/{year}/joint-meetings".format(
            city_code=quote(str(city_code), safe=""),
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoordinationFileRead | Problem | None:
    if response.status_code == 200:
        response_200 = CoordinationFileRead.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[CoordinationFileRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    city_code: str,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CoordinationFileRead | Problem]:
    """联席会议 Record a city joint meeting (If-Match)

     Record the meeting, its topics and the departments present.

    Args:
        city_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        year (int):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (MeetingIn): A city joint meeting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationFileRead | Problem]
    """

    kwargs = _get_kwargs(
        city_code=city_code,
        year=year,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    city_code: str,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str,
    if_match: str,
) -> CoordinationFileRead | Problem | None:
    """联席会议 Record a city joint meeting (If-Match)

     Record the meeting, its topics and the departments present.

    Args:
        city_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        year (int):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (MeetingIn): A city joint meeting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationFileRead | Problem
    """

    return sync_detailed(
        city_code=city_code,
        year=year,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    city_code: str,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CoordinationFileRead | Problem]:
    """联席会议 Record a city joint meeting (If-Match)

     Record the meeting, its topics and the departments present.

    Args:
        city_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        year (int):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (MeetingIn): A city joint meeting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationFileRead | Problem]
    """

    kwargs = _get_kwargs(
        city_code=city_code,
        year=year,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    city_code: str,
    year: int,
    *,
    client: AuthenticatedClient,
    body: MeetingIn,
    idempotency_key: str,
    if_match: str,
) -> CoordinationFileRead | Problem | None:
    """联席会议 Record a city joint meeting (If-Match)

     Record the meeting, its topics and the departments present.

    Args:
        city_code (str): GB/T 2260 division code of the province: 62, a city (4 or 6 digits), a
            county (6), or a township (9) or village (12 digits) under a county
        year (int):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (MeetingIn): A city joint meeting.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationFileRead | Problem
    """

    return (
        await asyncio_detailed(
            city_code=city_code,
            year=year,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
