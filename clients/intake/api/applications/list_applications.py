from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agency import Agency
from ...models.page_application_read import PageApplicationRead
from ...models.problem import Problem
from ...models.programme import Programme
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    division: None | str | Unset = UNSET,
    programme: None | Programme | Unset = UNSET,
    status: None | str | Unset = UNSET,
    awaiting_agency: Agency | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_division: None | str | Unset
    if isinstance(division, Unset):
        json_division = UNSET
    else:
        json_division = division
    params["division"] = json_division

    json_programme: None | str | Unset
    if isinstance(programme, Unset):
        json_programme = UNSET
    elif isinstance(programme, Programme):
        json_programme = programme.value
    else:
        json_programme = programme
    params["programme"] = json_programme

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    json_awaiting_agency: None | str | Unset
    if isinstance(awaiting_agency, Unset):
        json_awaiting_agency = UNSET
    elif isinstance(awaiting_agency, Agency):
        json_awaiting_agency = awaiting_agency.value
    else:
        json_awaiting_agency = awaiting_agency
    params["awaiting_agency"] = json_awaiting_agency

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/applications",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageApplicationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageApplicationRead.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageApplicationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    division: None | str | Unset = UNSET,
    programme: None | Programme | Unset = UNSET,
    status: None | str | Unset = UNSET,
    awaiting_agency: Agency | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageApplicationRead | Problem]:
    """申请列表 List applications within your jurisdiction

     Applications filtered by division, programme and status, oldest first, by cursor.

    Civil affairs officers, inspectors and auditors read every application of their
    jurisdiction; a partner department's role (`health_insurance`, `education_bureau` ...) only
    those applying for a programme it decides (ADR 0032). The generic `partner_agency` client
    submits and decides none, so it reads none: 403 `role-not-allowed` (ADR 0065).

    Args:
        division (None | str | Unset): a division inside your jurisdiction
        programme (None | Programme | Unset):
        status (None | str | Unset):
        awaiting_agency (Agency | None | Unset): only applications with a programme awaiting this
            agency's decision
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        division=division,
        programme=programme,
        status=status,
        awaiting_agency=awaiting_agency,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    division: None | str | Unset = UNSET,
    programme: None | Programme | Unset = UNSET,
    status: None | str | Unset = UNSET,
    awaiting_agency: Agency | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageApplicationRead | Problem | None:
    """申请列表 List applications within your jurisdiction

     Applications filtered by division, programme and status, oldest first, by cursor.

    Civil affairs officers, inspectors and auditors read every application of their
    jurisdiction; a partner department's role (`health_insurance`, `education_bureau` ...) only
    those applying for a programme it decides (ADR 0032). The generic `partner_agency` client
    submits and decides none, so it reads none: 403 `role-not-allowed` (ADR 0065).

    Args:
        division (None | str | Unset): a division inside your jurisdiction
        programme (None | Programme | Unset):
        status (None | str | Unset):
        awaiting_agency (Agency | None | Unset): only applications with a programme awaiting this
            agency's decision
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApplicationRead | Problem
    """

    return sync_detailed(
        client=client,
        division=division,
        programme=programme,
        status=status,
        awaiting_agency=awaiting_agency,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    division: None | str | Unset = UNSET,
    programme: None | Programme | Unset = UNSET,
    status: None | str | Unset = UNSET,
    awaiting_agency: Agency | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageApplicationRead | Problem]:
    """申请列表 List applications within your jurisdiction

     Applications filtered by division, programme and status, oldest first, by cursor.

    Civil affairs officers, inspectors and auditors read every application of their
    jurisdiction; a partner department's role (`health_insurance`, `education_bureau` ...) only
    those applying for a programme it decides (ADR 0032). The generic `partner_agency` client
    submits and decides none, so it reads none: 403 `role-not-allowed` (ADR 0065).

    Args:
        division (None | str | Unset): a division inside your jurisdiction
        programme (None | Programme | Unset):
        status (None | str | Unset):
        awaiting_agency (Agency | None | Unset): only applications with a programme awaiting this
            agency's decision
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageApplicationRead | Problem]
    """

    kwargs = _get_kwargs(
        division=division,
        programme=programme,
        status=status,
        awaiting_agency=awaiting_agency,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    division: None | str | Unset = UNSET,
    programme: None | Programme | Unset = UNSET,
    status: None | str | Unset = UNSET,
    awaiting_agency: Agency | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageApplicationRead | Problem | None:
    """申请列表 List applications within your jurisdiction

     Applications filtered by division, programme and status, oldest first, by cursor.

    Civil affairs officers, inspectors and auditors read every application of their
    jurisdiction; a partner department's role (`health_insurance`, `education_bureau` ...) only
    those applying for a programme it decides (ADR 0032). The generic `partner_agency` client
    submits and decides none, so it reads none: 403 `role-not-allowed` (ADR 0065).

    Args:
        division (None | str | Unset): a division inside your jurisdiction
        programme (None | Programme | Unset):
        status (None | str | Unset):
        awaiting_agency (Agency | None | Unset): only applications with a programme awaiting this
            agency's decision
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageApplicationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            division=division,
            programme=programme,
            status=status,
            awaiting_agency=awaiting_agency,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
