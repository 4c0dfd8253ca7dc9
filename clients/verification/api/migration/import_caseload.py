from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.migration_read import MigrationRead
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File | Unset = UNSET,
    file_name: str | Unset = "upload",
    idempotency_key: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["file_name"] = file_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/migrations",
        "params": params,
    }

    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "text/csv"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MigrationRead | Problem | None:
    if response.status_code == 200:
        response_200 = MigrationRead.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = MigrationRead.from_dict(response.json())

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
) -> Response[MigrationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    file_name: str | Unset = "upload",
    idempotency_key: str,
) -> Response[MigrationRead | Problem]:
    """导入历史数据 Import a county's caseload file as migrated approved cases

     Validate every row and import each valid household as one approved case, marked migrated
    (payments enrols it as any approval); a household with a bad row is refused whole, and the
    answer lists the rejects by row and field. The same file again imports nothing twice: an
    import stopped half way is finished by sending it again. 201 for an import done now, 200
    when the file had been imported before.

    Args:
        file_name (str | Unset): the file's name, as recorded Default: 'upload'.
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MigrationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        file_name=file_name,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    file_name: str | Unset = "upload",
    idempotency_key: str,
) -> MigrationRead | Problem | None:
    """导入历史数据 Import a county's caseload file as migrated approved cases

     Validate every row and import each valid household as one approved case, marked migrated
    (payments enrols it as any approval); a household with a bad row is refused whole, and the
    answer lists the rejects by row and field. The same file again imports nothing twice: an
    import stopped half way is finished by sending it again. 201 for an import done now, 200
    when the file had been imported before.

    Args:
        file_name (str | Unset): the file's name, as recorded Default: 'upload'.
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MigrationRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        file_name=file_name,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    file_name: str | Unset = "upload",
    idempotency_key: str,
) -> Response[MigrationRead | Problem]:
    """导入历史数据 Import a county's caseload file as migrated approved cases

     Validate every row and import each valid household as one approved case, marked migrated
    (payments enrols it as any approval); a household with a bad row is refused whole, and the
    answer lists the rejects by row and field. The same file again imports nothing twice: an
    import stopped half way is finished by sending it again. 201 for an import done now, 200
    when the file had been imported before.

    Args:
        file_name (str | Unset): the file's name, as recorded Default: 'upload'.
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MigrationRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        file_name=file_name,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File | Unset = UNSET,
    file_name: str | Unset = "upload",
    idempotency_key: str,
) -> MigrationRead | Problem | None:
    """导入历史数据 Import a county's caseload file as migrated approved cases

     Validate every row and import each valid household as one approved case, marked migrated
    (payments enrols it as any approval); a household with a bad row is refused whole, and the
    answer lists the rejects by row and field. The same file again imports nothing twice: an
    import stopped half way is finished by sending it again. 201 for an import done now, 200
    when the file had been imported before.

    Args:
        file_name (str | Unset): the file's name, as recorded Default: 'upload'.
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        body (File):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MigrationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            file_name=file_name,
            idempotency_key=idempotency_key,
        )
    ).parsed
