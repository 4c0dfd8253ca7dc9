from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_in import ActionIn
from ...models.complaint_read import ComplaintRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    complaint_id: str,
    *,
    body: ActionIn,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/complaints/{complaint_id}/corrective-actions".format(
            complaint_id=quote(str(complaint_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintRead | Problem | None:
    if response.status_code == 200:
        response_200 = ComplaintRead.from_dict(response.json())

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

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

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
    body: ActionIn,
    idempotency_key: str,
    if_match: str,
) -> Response[ComplaintRead | Problem]:
    """责令整改 Order a corrective action (re-check, suspend, recover)

     Append `supervision.CorrectiveActionOrdered`, which verification and payments act on.

    A `case_id` other than the complaint's must name a case supervision has seen in the caller's
    jurisdiction, else 422 `unknown-case` naming `case_id`. A recovery must name a case
    supervision knows and a programme payments enrolled it in (422 naming `case_id` or
    `programme`); payments refuses on record an amount above what it paid the case in the
    programme (`payments.OverpaymentRecoveryRefused`).

    Args:
        complaint_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ActionIn): A corrective action on the case (defaults to the case the complaint is
            about).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
    """

    kwargs = _get_kwargs(
        complaint_id=complaint_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionIn,
    idempotency_key: str,
    if_match: str,
) -> ComplaintRead | Problem | None:
    """责令整改 Order a corrective action (re-check, suspend, recover)

     Append `supervision.CorrectiveActionOrdered`, which verification and payments act on.

    A `case_id` other than the complaint's must name a case supervision has seen in the caller's
    jurisdiction, else 422 `unknown-case` naming `case_id`. A recovery must name a case
    supervision knows and a programme payments enrolled it in (422 naming `case_id` or
    `programme`); payments refuses on record an amount above what it paid the case in the
    programme (`payments.OverpaymentRecoveryRefused`).

    Args:
        complaint_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ActionIn): A corrective action on the case (defaults to the case the complaint is
            about).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintRead | Problem
    """

    return sync_detailed(
        complaint_id=complaint_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionIn,
    idempotency_key: str,
    if_match: str,
) -> Response[ComplaintRead | Problem]:
    """责令整改 Order a corrective action (re-check, suspend, recover)

     Append `supervision.CorrectiveActionOrdered`, which verification and payments act on.

    A `case_id` other than the complaint's must name a case supervision has seen in the caller's
    jurisdiction, else 422 `unknown-case` naming `case_id`. A recovery must name a case
    supervision knows and a programme payments enrolled it in (422 naming `case_id` or
    `programme`); payments refuses on record an amount above what it paid the case in the
    programme (`payments.OverpaymentRecoveryRefused`).

    Args:
        complaint_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ActionIn): A corrective action on the case (defaults to the case the complaint is
            about).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
    """

    kwargs = _get_kwargs(
        complaint_id=complaint_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    complaint_id: str,
    *,
    client: AuthenticatedClient,
    body: ActionIn,
    idempotency_key: str,
    if_match: str,
) -> ComplaintRead | Problem | None:
    """责令整改 Order a corrective action (re-check, suspend, recover)

     Append `supervision.CorrectiveActionOrdered`, which verification and payments act on.

    A `case_id` other than the complaint's must name a case supervision has seen in the caller's
    jurisdiction, else 422 `unknown-case` naming `case_id`. A recovery must name a case
    supervision knows and a programme payments enrolled it in (422 naming `case_id` or
    `programme`); payments refuses on record an amount above what it paid the case in the
    programme (`payments.OverpaymentRecoveryRefused`).

    Args:
        complaint_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ActionIn): A corrective action on the case (defaults to the case the complaint is
            about).

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
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
