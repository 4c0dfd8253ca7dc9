from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funds_movement import FundsMovement
from ...models.funds_recorded import FundsRecorded
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundsMovement,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/funds/arrivals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundsRecorded | Problem | None:
    if response.status_code == 201:
        response_201 = FundsRecorded.from_dict(response.json())

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
) -> Response[FundsRecorded | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundsMovement,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[FundsRecorded | Problem]:
    """资金到位 Record an arrival

     Allocated money arrived in the county's account.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (FundsMovement): An allocation (下达) or an arrival (到位) of money for a county's
            programme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsRecorded | Problem]
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
    body: FundsMovement,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> FundsRecorded | Problem | None:
    """资金到位 Record an arrival

     Allocated money arrived in the county's account.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (FundsMovement): An allocation (下达) or an arrival (到位) of money for a county's
            programme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsRecorded | Problem
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
    body: FundsMovement,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[FundsRecorded | Problem]:
    """资金到位 Record an arrival

     Allocated money arrived in the county's account.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (FundsMovement): An allocation (下达) or an arrival (到位) of money for a county's
            programme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundsRecorded | Problem]
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
    body: FundsMovement,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> FundsRecorded | Problem | None:
    """资金到位 Record an arrival

     Allocated money arrived in the county's account.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (FundsMovement): An allocation (下达) or an arrival (到位) of money for a county's
            programme.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundsRecorded | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
