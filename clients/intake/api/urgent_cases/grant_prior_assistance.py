from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.command_accepted import CommandAccepted
from ...models.prior_assistance_create import PriorAssistanceCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: str,
    *,
    body: PriorAssistanceCreate,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/urgent-cases/{case_id}/prior-assistance".format(
            case_id=quote(str(case_id), safe=""),
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
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: PriorAssistanceCreate,
    idempotency_key: str,
    if_match: str,
) -> Response[CommandAccepted | Problem]:
    """先行救助 Grant assistance before verification (If-Match)

     Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person covered, net of earlier aid; 422 `persons-beyond-household`
    when `persons` exceeds the household reported; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7).

    Args:
        case_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PriorAssistanceCreate): Green channel: assistance before verification (先行救助, INT-7;
            If-Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: PriorAssistanceCreate,
    idempotency_key: str,
    if_match: str,
) -> CommandAccepted | Problem | None:
    """先行救助 Grant assistance before verification (If-Match)

     Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person covered, net of earlier aid; 422 `persons-beyond-household`
    when `persons` exceeds the household reported; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7).

    Args:
        case_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PriorAssistanceCreate): Green channel: assistance before verification (先行救助, INT-7;
            If-Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: PriorAssistanceCreate,
    idempotency_key: str,
    if_match: str,
) -> Response[CommandAccepted | Problem]:
    """先行救助 Grant assistance before verification (If-Match)

     Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person covered, net of earlier aid; 422 `persons-beyond-household`
    when `persons` exceeds the household reported; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7).

    Args:
        case_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PriorAssistanceCreate): Green channel: assistance before verification (先行救助, INT-7;
            If-Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommandAccepted | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    *,
    client: AuthenticatedClient,
    body: PriorAssistanceCreate,
    idempotency_key: str,
    if_match: str,
) -> CommandAccepted | Problem | None:
    """先行救助 Grant assistance before verification (If-Match)

     Green channel within the cap: 3 × the county's monthly urban dibao standard in force (as
    payments published it) per person covered, net of earlier aid; 422 `persons-beyond-household`
    when `persons` exceeds the household reported; 409 `no-standard-in-force` when none
    is known, 409 `prior-assistance-already-granted` for a second grant of the programme to the
    person in the month. Verification is due 5 working days after the grant (INT-7).

    Args:
        case_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PriorAssistanceCreate): Green channel: assistance before verification (先行救助, INT-7;
            If-Match required).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommandAccepted | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
