from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_centralised_care_report_format import GetCentralisedCareReportFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    county: None | str | Unset = UNSET,
    period: None | str | Unset = UNSET,
    months: int | Unset = 6,
    format_: GetCentralisedCareReportFormat
    | Unset = GetCentralisedCareReportFormat.JSON,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_county: None | str | Unset
    if isinstance(county, Unset):
        json_county = UNSET
    else:
        json_county = county
    params["county"] = json_county

    json_period: None | str | Unset
    if isinstance(period, Unset):
        json_period = UNSET
    else:
        json_period = period
    params["period"] = json_period

    params["months"] = months

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reports/centralised-care",
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
    county: None | str | Unset = UNSET,
    period: None | str | Unset = UNSET,
    months: int | Unset = 6,
    format_: GetCentralisedCareReportFormat
    | Unset = GetCentralisedCareReportFormat.JSON,
) -> Response[Any | Problem]:
    """集中供养比例 Share of (semi-)disabled extreme-poverty persons in centralised care

     Per county at the end of the month (so far, for this month): counts, share, target and
    whether it is met; the trend of the share by month; everyone flagged but not centralised.

    Args:
        county (None | str | Unset): a county (or city) inside the jurisdiction
        period (None | str | Unset): month YYYY-MM (default: this month)
        months (int | Unset): months of trend, ending with `period` Default: 6.
        format_ (GetCentralisedCareReportFormat | Unset):  Default:
            GetCentralisedCareReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        county=county,
        period=period,
        months=months,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    county: None | str | Unset = UNSET,
    period: None | str | Unset = UNSET,
    months: int | Unset = 6,
    format_: GetCentralisedCareReportFormat
    | Unset = GetCentralisedCareReportFormat.JSON,
) -> Any | Problem | None:
    """集中供养比例 Share of (semi-)disabled extreme-poverty persons in centralised care

     Per county at the end of the month (so far, for this month): counts, share, target and
    whether it is met; the trend of the share by month; everyone flagged but not centralised.

    Args:
        county (None | str | Unset): a county (or city) inside the jurisdiction
        period (None | str | Unset): month YYYY-MM (default: this month)
        months (int | Unset): months of trend, ending with `period` Default: 6.
        format_ (GetCentralisedCareReportFormat | Unset):  Default:
            GetCentralisedCareReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        county=county,
        period=period,
        months=months,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    county: None | str | Unset = UNSET,
    period: None | str | Unset = UNSET,
    months: int | Unset = 6,
    format_: GetCentralisedCareReportFormat
    | Unset = GetCentralisedCareReportFormat.JSON,
) -> Response[Any | Problem]:
    """集中供养比例 Share of (semi-)disabled extreme-poverty persons in centralised care

     Per county at the end of the month (so far, for this month): counts, share, target and
    whether it is met; the trend of the share by month; everyone flagged but not centralised.

    Args:
        county (None | str | Unset): a county (or city) inside the jurisdiction
        period (None | str | Unset): month YYYY-MM (default: this month)
        months (int | Unset): months of trend, ending with `period` Default: 6.
        format_ (GetCentralisedCareReportFormat | Unset):  Default:
            GetCentralisedCareReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        county=county,
        period=period,
        months=months,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    county: None | str | Unset = UNSET,
    period: None | str | Unset = UNSET,
    months: int | Unset = 6,
    format_: GetCentralisedCareReportFormat
    | Unset = GetCentralisedCareReportFormat.JSON,
) -> Any | Problem | None:
    """集中供养比例 Share of (semi-)disabled extreme-poverty persons in centralised care

     Per county at the end of the month (so far, for this month): counts, share, target and
    whether it is met; the trend of the share by month; everyone flagged but not centralised.

    Args:
        county (None | str | Unset): a county (or city) inside the jurisdiction
        period (None | str | Unset): month YYYY-MM (default: this month)
        months (int | Unset): months of trend, ending with `period` Default: 6.
        format_ (GetCentralisedCareReportFormat | Unset):  Default:
            GetCentralisedCareReportFormat.JSON.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            county=county,
            period=period,
            months=months,
            format_=format_,
        )
    ).parsed
