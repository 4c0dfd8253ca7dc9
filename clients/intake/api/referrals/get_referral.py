from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.referral_read import ReferralRead
from ...types import Response


def _get_kwargs(
    referral_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/{referral_id}".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReferralRead | None:
    if response.status_code == 200:
        response_200 = ReferralRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ReferralRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReferralRead]:
    """查询转介 Get a referral

     The referral as the read model holds it, with its version as ETag.

    Args:
        referral_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ReferralRead | None:
    """查询转介 Get a referral

     The referral as the read model holds it, with its version as ETag.

    Args:
        referral_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    referral_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ReferralRead]:
    """查询转介 Get a referral

     The referral as the read model holds it, with its version as ETag.

    Args:
        referral_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReferralRead]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: str,
    *,
    client: AuthenticatedClient,
) -> Problem | ReferralRead | None:
    """查询转介 Get a referral

     The referral as the read model holds it, with its version as ETag.

    Args:
        referral_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReferralRead
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
        )
    ).parsed
