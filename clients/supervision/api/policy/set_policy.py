from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.policy_in import PolicyIn
from ...models.policy_setting_read import PolicySettingRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    name: str,
    *,
    body: PolicyIn,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/policy/{name}".format(
            name=quote(str(name), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PolicySettingRead | Problem | None:
    if response.status_code == 200:
        response_200 = PolicySettingRead.from_dict(response.json())

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
) -> Response[PolicySettingRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PolicyIn,
    idempotency_key: str,
    if_match: str,
) -> Response[PolicySettingRead | Problem]:
    """设定政策参数 The province sets a policy number from a date

     Record `supervision.PolicySet` (If-Match: the policy stream's version, "0" at first).

    Args:
        name (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PolicyIn): A new province-wide setting of one policy number, from a date, with the
            reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicySettingRead | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PolicyIn,
    idempotency_key: str,
    if_match: str,
) -> PolicySettingRead | Problem | None:
    """设定政策参数 The province sets a policy number from a date

     Record `supervision.PolicySet` (If-Match: the policy stream's version, "0" at first).

    Args:
        name (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PolicyIn): A new province-wide setting of one policy number, from a date, with the
            reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicySettingRead | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PolicyIn,
    idempotency_key: str,
    if_match: str,
) -> Response[PolicySettingRead | Problem]:
    """设定政策参数 The province sets a policy number from a date

     Record `supervision.PolicySet` (If-Match: the policy stream's version, "0" at first).

    Args:
        name (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PolicyIn): A new province-wide setting of one policy number, from a date, with the
            reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PolicySettingRead | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient,
    body: PolicyIn,
    idempotency_key: str,
    if_match: str,
) -> PolicySettingRead | Problem | None:
    """设定政策参数 The province sets a policy number from a date

     Record `supervision.PolicySet` (If-Match: the policy stream's version, "0" at first).

    Args:
        name (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (PolicyIn): A new province-wide setting of one policy number, from a date, with the
            reason.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PolicySettingRead | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
