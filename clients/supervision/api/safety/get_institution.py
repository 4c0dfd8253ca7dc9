from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.institution_read import InstitutionRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    institution_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/institutions/{institution_id}".format(
            institution_id=quote(str(institution_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InstitutionRead | Problem | None:
    if response.status_code == 200:
        response_200 = InstitutionRead.from_dict(response.json())

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
) -> Response[InstitutionRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    institution_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InstitutionRead | Problem]:
    """机构安全档案 An institution's safety file

     Checks, hazards (with overdue flags), drills and trainings.

    Args:
        institution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstitutionRead | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    institution_id: str,
    *,
    client: AuthenticatedClient,
) -> InstitutionRead | Problem | None:
    """机构安全档案 An institution's safety file

     Checks, hazards (with overdue flags), drills and trainings.

    Args:
        institution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstitutionRead | Problem
    """

    return sync_detailed(
        institution_id=institution_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    institution_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[InstitutionRead | Problem]:
    """机构安全档案 An institution's safety file

     Checks, hazards (with overdue flags), drills and trainings.

    Args:
        institution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InstitutionRead | Problem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    institution_id: str,
    *,
    client: AuthenticatedClient,
) -> InstitutionRead | Problem | None:
    """机构安全档案 An institution's safety file

     Checks, hazards (with overdue flags), drills and trainings.

    Args:
        institution_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InstitutionRead | Problem
    """

    return (
        await asyncio_detailed(
            institution_id=institution_id,
            client=client,
        )
    ).parsed
