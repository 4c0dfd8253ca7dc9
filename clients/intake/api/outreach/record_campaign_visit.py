from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.visit_create import VisitCreate
from ...models.visit_read import VisitRead
from ...types import Response


def _get_kwargs(
    campaign_id: str,
    *,
    body: VisitCreate,
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/visit-campaigns/{campaign_id}/visits".format(
            campaign_id=quote(str(campaign_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VisitRead | None:
    if response.status_code == 201:
        response_201 = VisitRead.from_dict(response.json())

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
) -> Response[Problem | VisitRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: str,
) -> Response[Problem | VisitRead]:
    """记录走访 Record a visit: needs found, help arranged (referral or application)

     The visit, its referrals (INT-5) and its application (INT-4) in one unit of work.

    Args:
        campaign_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (VisitCreate): A visit of a campaign: who, which group, when, the needs found and the
            help arranged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: str,
) -> Problem | VisitRead | None:
    """记录走访 Record a visit: needs found, help arranged (referral or application)

     The visit, its referrals (INT-5) and its application (INT-4) in one unit of work.

    Args:
        campaign_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (VisitCreate): A visit of a campaign: who, which group, when, the needs found and the
            help arranged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return sync_detailed(
        campaign_id=campaign_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: str,
) -> Response[Problem | VisitRead]:
    """记录走访 Record a visit: needs found, help arranged (referral or application)

     The visit, its referrals (INT-5) and its application (INT-4) in one unit of work.

    Args:
        campaign_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (VisitCreate): A visit of a campaign: who, which group, when, the needs found and the
            help arranged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VisitRead]
    """

    kwargs = _get_kwargs(
        campaign_id=campaign_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    campaign_id: str,
    *,
    client: AuthenticatedClient,
    body: VisitCreate,
    idempotency_key: str,
) -> Problem | VisitRead | None:
    """记录走访 Record a visit: needs found, help arranged (referral or application)

     The visit, its referrals (INT-5) and its application (INT-4) in one unit of work.

    Args:
        campaign_id (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (VisitCreate): A visit of a campaign: who, which group, when, the needs found and the
            help arranged.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VisitRead
    """

    return (
        await asyncio_detailed(
            campaign_id=campaign_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
