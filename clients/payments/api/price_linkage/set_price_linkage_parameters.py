from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.parameters_in import ParametersIn
from ...models.price_linkage_read import PriceLinkageRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ParametersIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/price-linkage/parameters",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PriceLinkageRead | Problem | None:
    if response.status_code == 201:
        response_201 = PriceLinkageRead.from_dict(response.json())

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
) -> Response[PriceLinkageRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ParametersIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[PriceLinkageRead | Problem]:
    """设定物价联动参数 Set the price linkage parameters

     Thresholds, subsidy and covered programmes for the months recorded from now on.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (ParametersIn): Trigger thresholds (basis points), subsidy per person per month,
            covered programmes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PriceLinkageRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ParametersIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> PriceLinkageRead | Problem | None:
    """设定物价联动参数 Set the price linkage parameters

     Thresholds, subsidy and covered programmes for the months recorded from now on.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (ParametersIn): Trigger thresholds (basis points), subsidy per person per month,
            covered programmes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PriceLinkageRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ParametersIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> Response[PriceLinkageRead | Problem]:
    """设定物价联动参数 Set the price linkage parameters

     Thresholds, subsidy and covered programmes for the months recorded from now on.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (ParametersIn): Trigger thresholds (basis points), subsidy per person per month,
            covered programmes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PriceLinkageRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ParametersIn,
    idempotency_key: str,
    if_match: str | Unset = UNSET,
) -> PriceLinkageRead | Problem | None:
    """设定物价联动参数 Set the price linkage parameters

     Thresholds, subsidy and covered programmes for the months recorded from now on.

    Args:
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str | Unset):  Example: "3".
        body (ParametersIn): Trigger thresholds (basis points), subsidy per person per month,
            covered programmes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PriceLinkageRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
