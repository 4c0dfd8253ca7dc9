from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch_in import BatchIn
from ...models.batch_view import BatchView
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BatchIn,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/batches",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BatchView | Problem | None:
    if response.status_code == 201:
        response_201 = BatchView.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BatchView | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchIn,
    idempotency_key: str,
) -> Response[BatchView | Problem]:
    """审批批次 Form a batch of a township's proposals and draw the spot check (VER-5)

     Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (BatchIn): A county batch of one township's proposals; the rate may only be raised.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchView | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BatchIn,
    idempotency_key: str,
) -> BatchView | Problem | None:
    """审批批次 Form a batch of a township's proposals and draw the spot check (VER-5)

     Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (BatchIn): A county batch of one township's proposals; the rate may only be raised.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchView | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BatchIn,
    idempotency_key: str,
) -> Response[BatchView | Problem]:
    """审批批次 Form a batch of a township's proposals and draw the spot check (VER-5)

     Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (BatchIn): A county batch of one township's proposals; the rate may only be raised.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchView | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BatchIn,
    idempotency_key: str,
) -> BatchView | Problem | None:
    """审批批次 Form a batch of a township's proposals and draw the spot check (VER-5)

     Sample ⌈rate × n⌉ households with a fresh recorded seed; each case joins the batch.
    Every case with a declared relative of an official (INT-10) is sampled as well, named in the
    sample event's `declared_relatives`.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (BatchIn): A county batch of one township's proposals; the rate may only be raised.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchView | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
