from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.life_events_in import LifeEventsIn
from ...models.life_events_read import LifeEventsRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: LifeEventsIn,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/life-events",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LifeEventsRead | Problem | None:
    if response.status_code == 200:
        response_200 = LifeEventsRead.from_dict(response.json())

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
) -> Response[LifeEventsRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LifeEventsIn,
    idempotency_key: str,
) -> Response[LifeEventsRead | Problem]:
    """死亡信息推送 Deaths reported by public security, in bulk (VER-7)

     Each record is applied to every case of the person within the caller's jurisdiction, at
    any stage: before approval it blocks approval; on a running benefit payment stops from the
    month after the death and the termination review opens. Unknown people are `unmatched`; a
    known `source_ref` changes nothing (`repeated`). A death after today (China's date) or
    before the person's birth refuses the whole feed, naming the record.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (LifeEventsIn): A bulk feed of life events; each record is applied once whatever the
            retries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LifeEventsRead | Problem]
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
    body: LifeEventsIn,
    idempotency_key: str,
) -> LifeEventsRead | Problem | None:
    """死亡信息推送 Deaths reported by public security, in bulk (VER-7)

     Each record is applied to every case of the person within the caller's jurisdiction, at
    any stage: before approval it blocks approval; on a running benefit payment stops from the
    month after the death and the termination review opens. Unknown people are `unmatched`; a
    known `source_ref` changes nothing (`repeated`). A death after today (China's date) or
    before the person's birth refuses the whole feed, naming the record.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (LifeEventsIn): A bulk feed of life events; each record is applied once whatever the
            retries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LifeEventsRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LifeEventsIn,
    idempotency_key: str,
) -> Response[LifeEventsRead | Problem]:
    """死亡信息推送 Deaths reported by public security, in bulk (VER-7)

     Each record is applied to every case of the person within the caller's jurisdiction, at
    any stage: before approval it blocks approval; on a running benefit payment stops from the
    month after the death and the termination review opens. Unknown people are `unmatched`; a
    known `source_ref` changes nothing (`repeated`). A death after today (China's date) or
    before the person's birth refuses the whole feed, naming the record.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (LifeEventsIn): A bulk feed of life events; each record is applied once whatever the
            retries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LifeEventsRead | Problem]
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
    body: LifeEventsIn,
    idempotency_key: str,
) -> LifeEventsRead | Problem | None:
    """死亡信息推送 Deaths reported by public security, in bulk (VER-7)

     Each record is applied to every case of the person within the caller's jurisdiction, at
    any stage: before approval it blocks approval; on a running benefit payment stops from the
    month after the death and the termination review opens. Unknown people are `unmatched`; a
    known `source_ref` changes nothing (`repeated`). A death after today (China's date) or
    before the person's birth refuses the whole feed, naming the record.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (LifeEventsIn): A bulk feed of life events; each record is applied once whatever the
            retries.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LifeEventsRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
