from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alert_status import AlertStatus
from ...models.detector import Detector
from ...models.escalation_level import EscalationLevel
from ...models.page_alert_out import PageAlertOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    detector: Detector | None | Unset = UNSET,
    status: AlertStatus | None | Unset = UNSET,
    escalated_to: EscalationLevel | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_detector: None | str | Unset
    if isinstance(detector, Unset):
        json_detector = UNSET
    elif isinstance(detector, Detector):
        json_detector = detector.value
    else:
        json_detector = detector
    params["detector"] = json_detector

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AlertStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_escalated_to: None | str | Unset
    if isinstance(escalated_to, Unset):
        json_escalated_to = UNSET
    elif isinstance(escalated_to, EscalationLevel):
        json_escalated_to = escalated_to.value
    else:
        json_escalated_to = escalated_to
    params["escalated_to"] = json_escalated_to

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
        "url": "/v1/alerts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageAlertOut | Problem | None:
    if response.status_code == 200:
        response_200 = PageAlertOut.from_dict(response.json())

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
) -> Response[PageAlertOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    detector: Detector | None | Unset = UNSET,
    status: AlertStatus | None | Unset = UNSET,
    escalated_to: EscalationLevel | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAlertOut | Problem]:
    """违规线索 Alerts of the detectors in your jurisdiction

     Newest first; filter by detector, status or the level an alert was escalated to.

    Args:
        detector (Detector | None | Unset):
        status (AlertStatus | None | Unset): open, acknowledged, dismissed…
        escalated_to (EscalationLevel | None | Unset): escalated to this level
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAlertOut | Problem]
    """

    kwargs = _get_kwargs(
        detector=detector,
        status=status,
        escalated_to=escalated_to,
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
    detector: Detector | None | Unset = UNSET,
    status: AlertStatus | None | Unset = UNSET,
    escalated_to: EscalationLevel | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageAlertOut | Problem | None:
    """违规线索 Alerts of the detectors in your jurisdiction

     Newest first; filter by detector, status or the level an alert was escalated to.

    Args:
        detector (Detector | None | Unset):
        status (AlertStatus | None | Unset): open, acknowledged, dismissed…
        escalated_to (EscalationLevel | None | Unset): escalated to this level
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAlertOut | Problem
    """

    return sync_detailed(
        client=client,
        detector=detector,
        status=status,
        escalated_to=escalated_to,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    detector: Detector | None | Unset = UNSET,
    status: AlertStatus | None | Unset = UNSET,
    escalated_to: EscalationLevel | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> Response[PageAlertOut | Problem]:
    """违规线索 Alerts of the detectors in your jurisdiction

     Newest first; filter by detector, status or the level an alert was escalated to.

    Args:
        detector (Detector | None | Unset):
        status (AlertStatus | None | Unset): open, acknowledged, dismissed…
        escalated_to (EscalationLevel | None | Unset): escalated to this level
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageAlertOut | Problem]
    """

    kwargs = _get_kwargs(
        detector=detector,
        status=status,
        escalated_to=escalated_to,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    detector: Detector | None | Unset = UNSET,
    status: AlertStatus | None | Unset = UNSET,
    escalated_to: EscalationLevel | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
) -> PageAlertOut | Problem | None:
    """违规线索 Alerts of the detectors in your jurisdiction

     Newest first; filter by detector, status or the level an alert was escalated to.

    Args:
        detector (Detector | None | Unset):
        status (AlertStatus | None | Unset): open, acknowledged, dismissed…
        escalated_to (EscalationLevel | None | Unset): escalated to this level
        limit (int | Unset): Items per page (1–200). Default: 50.
        cursor (None | str | Unset): The next_cursor of the previous page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageAlertOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            detector=detector,
            status=status,
            escalated_to=escalated_to,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
