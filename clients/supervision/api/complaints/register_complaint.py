from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.complaint_create import ComplaintCreate
from ...models.complaint_read import ComplaintRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ComplaintCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/complaints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ComplaintRead | Problem | None:
    if response.status_code == 201:
        response_201 = ComplaintRead.from_dict(response.json())

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
) -> Response[ComplaintRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintCreate,
    idempotency_key: str,
) -> Response[ComplaintRead | Problem]:
    """登记投诉举报 Register a complaint (hotline, online, letter; anonymous allowed)

     Register the complaint with its deadline; the complainant is shown only to the handler.

    A `subject_case_id` must name a case supervision has seen (any service's event of it reached
    the audit trail) in the caller's jurisdiction, else 422 `unknown-case` naming the field; a
    complaint about no case in particular leaves it out.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ComplaintCreate): A complaint or report as the hotline, website or letter office
            registers it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
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
    body: ComplaintCreate,
    idempotency_key: str,
) -> ComplaintRead | Problem | None:
    """登记投诉举报 Register a complaint (hotline, online, letter; anonymous allowed)

     Register the complaint with its deadline; the complainant is shown only to the handler.

    A `subject_case_id` must name a case supervision has seen (any service's event of it reached
    the audit trail) in the caller's jurisdiction, else 422 `unknown-case` naming the field; a
    complaint about no case in particular leaves it out.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ComplaintCreate): A complaint or report as the hotline, website or letter office
            registers it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ComplaintCreate,
    idempotency_key: str,
) -> Response[ComplaintRead | Problem]:
    """登记投诉举报 Register a complaint (hotline, online, letter; anonymous allowed)

     Register the complaint with its deadline; the complainant is shown only to the handler.

    A `subject_case_id` must name a case supervision has seen (any service's event of it reached
    the audit trail) in the caller's jurisdiction, else 422 `unknown-case` naming the field; a
    complaint about no case in particular leaves it out.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ComplaintCreate): A complaint or report as the hotline, website or letter office
            registers it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ComplaintRead | Problem]
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
    body: ComplaintCreate,
    idempotency_key: str,
) -> ComplaintRead | Problem | None:
    """登记投诉举报 Register a complaint (hotline, online, letter; anonymous allowed)

     Register the complaint with its deadline; the complainant is shown only to the handler.

    A `subject_case_id` must name a case supervision has seen (any service's event of it reached
    the audit trail) in the caller's jurisdiction, else 422 `unknown-case` naming the field; a
    complaint about no case in particular leaves it out.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ComplaintCreate): A complaint or report as the hotline, website or letter office
            registers it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ComplaintRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
