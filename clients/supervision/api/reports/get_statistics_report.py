from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_statistics_report_format import GetStatisticsReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    format_: GetStatisticsReportFormat | Unset = GetStatisticsReportFormat.JSON,
    division: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_division: None | str | Unset
    if isinstance(division, Unset):
        json_division = UNSET
    else:
        json_division = division
    params["division"] = json_division

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/statistics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    format_: GetStatisticsReportFormat | Unset = GetStatisticsReportFormat.JSON,
    division: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """统计报表 Applications, approvals, spending, complaints… by county and programme

     The month's figures for every county in the caller's jurisdiction (JSON, CSV or XLSX).

    `approvals` and `new_beneficiaries` are the month's own decisions: households brought in by
    caseload migration (ADR 0037) are counted apart in `migrated_in` (存量迁移纳入数).

    Args:
        period (str): month, YYYY-MM (China time)
        format_ (GetStatisticsReportFormat | Unset):  Default: GetStatisticsReportFormat.JSON.
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        format_=format_,
        division=division,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
    format_: GetStatisticsReportFormat | Unset = GetStatisticsReportFormat.JSON,
    division: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """统计报表 Applications, approvals, spending, complaints… by county and programme

     The month's figures for every county in the caller's jurisdiction (JSON, CSV or XLSX).

    `approvals` and `new_beneficiaries` are the month's own decisions: households brought in by
    caseload migration (ADR 0037) are counted apart in `migrated_in` (存量迁移纳入数).

    Args:
        period (str): month, YYYY-MM (China time)
        format_ (GetStatisticsReportFormat | Unset):  Default: GetStatisticsReportFormat.JSON.
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        format_=format_,
        division=division,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    format_: GetStatisticsReportFormat | Unset = GetStatisticsReportFormat.JSON,
    division: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """统计报表 Applications, approvals, spending, complaints… by county and programme

     The month's figures for every county in the caller's jurisdiction (JSON, CSV or XLSX).

    `approvals` and `new_beneficiaries` are the month's own decisions: households brought in by
    caseload migration (ADR 0037) are counted apart in `migrated_in` (存量迁移纳入数).

    Args:
        period (str): month, YYYY-MM (China time)
        format_ (GetStatisticsReportFormat | Unset):  Default: GetStatisticsReportFormat.JSON.
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        format_=format_,
        division=division,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
    format_: GetStatisticsReportFormat | Unset = GetStatisticsReportFormat.JSON,
    division: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """统计报表 Applications, approvals, spending, complaints… by county and programme

     The month's figures for every county in the caller's jurisdiction (JSON, CSV or XLSX).

    `approvals` and `new_beneficiaries` are the month's own decisions: households brought in by
    caseload migration (ADR 0037) are counted apart in `migrated_in` (存量迁移纳入数).

    Args:
        period (str): month, YYYY-MM (China time)
        format_ (GetStatisticsReportFormat | Unset):  Default: GetStatisticsReportFormat.JSON.
        division (None | str | Unset): a division inside the caller's jurisdiction (default: the
            caller's own)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            format_=format_,
            division=division,
        )
    ).parsed
