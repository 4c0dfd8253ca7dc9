from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_case_audit_trail_format import ExportCaseAuditTrailFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    case_id: str,
    *,
    format_: ExportCaseAuditTrailFormat | Unset = ExportCaseAuditTrailFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/cases/{case_id}/audit-trail/export".format(
            case_id=quote(str(case_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
) -> Response[Any | Problem]:
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
    format_: ExportCaseAuditTrailFormat | Unset = ExportCaseAuditTrailFormat.JSON,
) -> Response[Any | Problem]:
    """导出案件留痕 Export the case's full trail (JSON, or printable Chinese HTML)

     The whole trail with event data (personal data masked), hashes and the chain verdict.

    Args:
        case_id (str):
        format_ (ExportCaseAuditTrailFormat | Unset): json or html (printable) Default:
            ExportCaseAuditTrailFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    case_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportCaseAuditTrailFormat | Unset = ExportCaseAuditTrailFormat.JSON,
) -> Any | Problem | None:
    """导出案件留痕 Export the case's full trail (JSON, or printable Chinese HTML)

     The whole trail with event data (personal data masked), hashes and the chain verdict.

    Args:
        case_id (str):
        format_ (ExportCaseAuditTrailFormat | Unset): json or html (printable) Default:
            ExportCaseAuditTrailFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        case_id=case_id,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportCaseAuditTrailFormat | Unset = ExportCaseAuditTrailFormat.JSON,
) -> Response[Any | Problem]:
    """导出案件留痕 Export the case's full trail (JSON, or printable Chinese HTML)

     The whole trail with event data (personal data masked), hashes and the chain verdict.

    Args:
        case_id (str):
        format_ (ExportCaseAuditTrailFormat | Unset): json or html (printable) Default:
            ExportCaseAuditTrailFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportCaseAuditTrailFormat | Unset = ExportCaseAuditTrailFormat.JSON,
) -> Any | Problem | None:
    """导出案件留痕 Export the case's full trail (JSON, or printable Chinese HTML)

     The whole trail with event data (personal data masked), hashes and the chain verdict.

    Args:
        case_id (str):
        format_ (ExportCaseAuditTrailFormat | Unset): json or html (printable) Default:
            ExportCaseAuditTrailFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            client=client,
            format_=format_,
        )
    ).parsed
