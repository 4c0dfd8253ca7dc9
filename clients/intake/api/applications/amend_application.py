from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_amend import ApplicationAmend
from ...models.command_accepted import CommandAccepted
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_id: str,
    *,
    body: ApplicationAmend,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/applications/{application_id}/amendments".format(
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommandAccepted | Problem | None:
    if response.status_code == 200:
        response_200 = CommandAccepted.from_dict(response.json())

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
) -> Response[CommandAccepted | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationAmend,
    idempotency_key: str,
    if_match: str,
) -> Response[CommandAccepted | Problem]:
    """补正申请 Amend declared income, assets or bank account (If-Match)

     Correct the declared figures or the bank account while a programme is still pending.

    The correction reaches verification over the bus (ADR 0056): each case still undecided
    verifies, approves and pays on it from then on. A case decided before it arrives keeps its
    decision; the account a benefit is paid into then changes in payments
    (`PUT /v1/beneficiaries/{case_id}/{programme}/bank-account`). An application withdrawn or
    fully decided answers 409.

    Args:
        application_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ApplicationAmend): Corrected declared figures and bank account, with the reason (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_id: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationAmend,
    idempotency_key: str,
    if_match: str,
) -> CommandAccepted | Problem | None:
    """补正申请 Amend declared income, assets or bank account (If-Match)

     Correct the declared figures or the bank account while a programme is still pending.

    The correction reaches verification over the bus (ADR 0056): each case still undecided
    verifies, approves and pays on it from then on. A case decided before it arrives keeps its
    decision; the account a benefit is paid into then changes in payments
    (`PUT /v1/beneficiaries/{case_id}/{programme}/bank-account`). An application withdrawn or
    fully decided answers 409.

    Args:
        application_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ApplicationAmend): Corrected declared figures and bank account, with the reason (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
    """

    return sync_detailed(
        application_id=application_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    application_id: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationAmend,
    idempotency_key: str,
    if_match: str,
) -> Response[CommandAccepted | Problem]:
    """补正申请 Amend declared income, assets or bank account (If-Match)

     Correct the declared figures or the bank account while a programme is still pending.

    The correction reaches verification over the bus (ADR 0056): each case still undecided
    verifies, approves and pays on it from then on. A case decided before it arrives keeps its
    decision; the account a benefit is paid into then changes in payments
    (`PUT /v1/beneficiaries/{case_id}/{programme}/bank-account`). An application withdrawn or
    fully decided answers 409.

    Args:
        application_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ApplicationAmend): Corrected declared figures and bank account, with the reason (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
    """

    kwargs = _get_kwargs(
        application_id=application_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_id: str,
    *,
    client: AuthenticatedClient,
    body: ApplicationAmend,
    idempotency_key: str,
    if_match: str,
) -> CommandAccepted | Problem | None:
    """补正申请 Amend declared income, assets or bank account (If-Match)

     Correct the declared figures or the bank account while a programme is still pending.

    The correction reaches verification over the bus (ADR 0056): each case still undecided
    verifies, approves and pays on it from then on. A case decided before it arrives keeps its
    decision; the account a benefit is paid into then changes in payments
    (`PUT /v1/beneficiaries/{case_id}/{programme}/bank-account`). An application withdrawn or
    fully decided answers 409.

    Args:
        application_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ApplicationAmend): Corrected declared figures and bank account, with the reason (If-
            Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
    """

    return (
        await asyncio_detailed(
            application_id=application_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
