from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_create import ApplicationCreate
from ...models.application_read import ApplicationRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ApplicationCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApplicationRead | Problem | None:
    if response.status_code == 201:
        response_201 = ApplicationRead.from_dict(response.json())

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
) -> Response[ApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: str,
) -> Response[ApplicationRead | Problem]:
    """受理登记申请 Accept and register a household application

     Register a household's application for one or more programmes (one door, INT-2/4/9/10).

    INT-9 refusals, each naming the member's field:
    - 409 `duplicate-open-application`: the member holds an open application or benefit for
      that programme, in any jurisdiction (the problem names `programme`);
    - 409 `member-in-another-household`: the member belongs to another household with an open
      case: one with another head, or one the same head heads in another township. Supervision
      is told (`intake.HouseholdConflictFlagged`).

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ApplicationCreate): A household application accepted at a township/street office.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
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
    body: ApplicationCreate,
    idempotency_key: str,
) -> ApplicationRead | Problem | None:
    """受理登记申请 Accept and register a household application

     Register a household's application for one or more programmes (one door, INT-2/4/9/10).

    INT-9 refusals, each naming the member's field:
    - 409 `duplicate-open-application`: the member holds an open application or benefit for
      that programme, in any jurisdiction (the problem names `programme`);
    - 409 `member-in-another-household`: the member belongs to another household with an open
      case: one with another head, or one the same head heads in another township. Supervision
      is told (`intake.HouseholdConflictFlagged`).

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ApplicationCreate): A household application accepted at a township/street office.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ApplicationCreate,
    idempotency_key: str,
) -> Response[ApplicationRead | Problem]:
    """受理登记申请 Accept and register a household application

     Register a household's application for one or more programmes (one door, INT-2/4/9/10).

    INT-9 refusals, each naming the member's field:
    - 409 `duplicate-open-application`: the member holds an open application or benefit for
      that programme, in any jurisdiction (the problem names `programme`);
    - 409 `member-in-another-household`: the member belongs to another household with an open
      case: one with another head, or one the same head heads in another township. Supervision
      is told (`intake.HouseholdConflictFlagged`).

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ApplicationCreate): A household application accepted at a township/street office.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApplicationRead | Problem]
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
    body: ApplicationCreate,
    idempotency_key: str,
) -> ApplicationRead | Problem | None:
    """受理登记申请 Accept and register a household application

     Register a household's application for one or more programmes (one door, INT-2/4/9/10).

    INT-9 refusals, each naming the member's field:
    - 409 `duplicate-open-application`: the member holds an open application or benefit for
      that programme, in any jurisdiction (the problem names `programme`);
    - 409 `member-in-another-household`: the member belongs to another household with an open
      case: one with another head, or one the same head heads in another township. Supervision
      is told (`intake.HouseholdConflictFlagged`).

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (ApplicationCreate): A household application accepted at a township/street office.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
