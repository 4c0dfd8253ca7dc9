from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.standard_create import StandardCreate
from ...models.standard_read import StandardRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: StandardCreate,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/standards",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | StandardRead | None:
    if response.status_code == 201:
        response_201 = StandardRead.from_dict(response.json())

        return response_201

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
) -> Response[Problem | StandardRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: StandardCreate,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[Problem | StandardRead]:
    """设定保障标准 Set a standard version

     Record a new version of a standard from its effective date; refused below the minimums.

    Answers with every version recorded so far, the new one last, as the read shows them.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (StandardCreate): A standard for a county (6 digits) or a provincial guidance minimum
            (division 62).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandardRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: StandardCreate,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Problem | StandardRead | None:
    """设定保障标准 Set a standard version

     Record a new version of a standard from its effective date; refused below the minimums.

    Answers with every version recorded so far, the new one last, as the read shows them.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (StandardCreate): A standard for a county (6 digits) or a provincial guidance minimum
            (division 62).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandardRead
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StandardCreate,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[Problem | StandardRead]:
    """设定保障标准 Set a standard version

     Record a new version of a standard from its effective date; refused below the minimums.

    Answers with every version recorded so far, the new one last, as the read shows them.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (StandardCreate): A standard for a county (6 digits) or a provincial guidance minimum
            (division 62).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | StandardRead]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StandardCreate,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Problem | StandardRead | None:
    """设定保障标准 Set a standard version

     Record a new version of a standard from its effective date; refused below the minimums.

    Answers with every version recorded so far, the new one last, as the read shows them.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (StandardCreate): A standard for a county (6 digits) or a provincial guidance minimum
            (division 62).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | StandardRead
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
