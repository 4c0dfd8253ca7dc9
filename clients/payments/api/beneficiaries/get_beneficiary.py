from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.beneficiary_read import BeneficiaryRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    case_id: str,
    programme: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/beneficiaries/{case_id}/{programme}".format(
            case_id=quote(str(case_id), safe=""),
            programme=quote(str(programme), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BeneficiaryRead | Problem | None:
    if response.status_code == 200:
        response_200 = BeneficiaryRead.from_dict(response.json())

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
) -> Response[BeneficiaryRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[BeneficiaryRead | Problem]:
    """查询保障对象 Get a beneficiary's entitlement and its explanation

     Status, the amount in force and how it was computed.

    Args:
        case_id (str):
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BeneficiaryRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        programme=programme,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> BeneficiaryRead | Problem | None:
    """查询保障对象 Get a beneficiary's entitlement and its explanation

     Status, the amount in force and how it was computed.

    Args:
        case_id (str):
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BeneficiaryRead | Problem
    """

    return sync_detailed(
        case_id=case_id,
        programme=programme,
        client=client,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> Response[BeneficiaryRead | Problem]:
    """查询保障对象 Get a beneficiary's entitlement and its explanation

     Status, the amount in force and how it was computed.

    Args:
        case_id (str):
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BeneficiaryRead | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        programme=programme,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
) -> BeneficiaryRead | Problem | None:
    """查询保障对象 Get a beneficiary's entitlement and its explanation

     Status, the amount in force and how it was computed.

    Args:
        case_id (str):
        programme (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BeneficiaryRead | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            programme=programme,
            client=client,
        )
    ).parsed
