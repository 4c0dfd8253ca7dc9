from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.loaded_year import LoadedYear
from ...models.problem import Problem
from ...models.year_in import YearIn
from ...types import UNSET, Response, Unset


def _get_kwargs(
    year: int,
    *,
    body: YearIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/calendar/years/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LoadedYear | Problem | None:
    if response.status_code == 200:
        response_200 = LoadedYear.from_dict(response.json())

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
) -> Response[LoadedYear | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: YearIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[LoadedYear | Problem]:
    """载入或更正节假日安排 Load or correct a year (If-Match)

     Record the year's days as a new version; deadlines computed from now on use them.

    Args:
        year (int): the civil year
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (YearIn): A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoadedYear | Problem]
    """

    kwargs = _get_kwargs(
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
    year: int,
    *,
    client: AuthenticatedClient,
    body: YearIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> LoadedYear | Problem | None:
    """载入或更正节假日安排 Load or correct a year (If-Match)

     Record the year's days as a new version; deadlines computed from now on use them.

    Args:
        year (int): the civil year
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (YearIn): A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoadedYear | Problem
    """

    return sync_detailed(
        year=year,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: YearIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[LoadedYear | Problem]:
    """载入或更正节假日安排 Load or correct a year (If-Match)

     Record the year's days as a new version; deadlines computed from now on use them.

    Args:
        year (int): the civil year
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (YearIn): A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LoadedYear | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
    body: YearIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> LoadedYear | Problem | None:
    """载入或更正节假日安排 Load or correct a year (If-Match)

     Record the year's days as a new version; deadlines computed from now on use them.

    Args:
        year (int): the civil year
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (YearIn): A year's schedule as announced by the State Council (国务院办公厅关于节假日安排的通知).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LoadedYear | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
