from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_detail import CaseDetail
from ...models.problem import Problem
from ...models.resume_in import ResumeIn
from ...types import Response


def _get_kwargs(
    case_id: str,
    programme: str,
    *,
    body: ResumeIn,
    idempotency_key: str,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/cases/{case_id}/programmes/{programme}/resumption".format(
            case_id=quote(str(case_id), safe=""),
            programme=quote(str(programme), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaseDetail | Problem | None:
    if response.status_code == 200:
        response_200 = CaseDetail.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[CaseDetail | Problem]:
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
    body: ResumeIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CaseDetail | Problem]:
    """恢复发放 Resume a suspended benefit, or pay the survivors after a death (VER-7)

     Pay again from a date (ADR 0066), from `suspended` or, after a member's death, from
    `termination_review`, at a new amount if given. Months a run left unpaid since the stop
    are paid back by the next run. 409 `nobody-to-resume-for` when the applicant, the account's
    holder or every member is reported dead: terminate instead; survivors apply anew.

    Args:
        case_id (str):
        programme (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ResumeIn): Pay again from a date: a suspension cleared up, or the survivors of a
            member's death at
            the amount set for them (ADR 0066).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseDetail | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        programme=programme,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
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
    body: ResumeIn,
    idempotency_key: str,
    if_match: str,
) -> CaseDetail | Problem | None:
    """恢复发放 Resume a suspended benefit, or pay the survivors after a death (VER-7)

     Pay again from a date (ADR 0066), from `suspended` or, after a member's death, from
    `termination_review`, at a new amount if given. Months a run left unpaid since the stop
    are paid back by the next run. 409 `nobody-to-resume-for` when the applicant, the account's
    holder or every member is reported dead: terminate instead; survivors apply anew.

    Args:
        case_id (str):
        programme (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ResumeIn): Pay again from a date: a suspension cleared up, or the survivors of a
            member's death at
            the amount set for them (ADR 0066).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseDetail | Problem
    """

    return sync_detailed(
        case_id=case_id,
        programme=programme,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
    body: ResumeIn,
    idempotency_key: str,
    if_match: str,
) -> Response[CaseDetail | Problem]:
    """恢复发放 Resume a suspended benefit, or pay the survivors after a death (VER-7)

     Pay again from a date (ADR 0066), from `suspended` or, after a member's death, from
    `termination_review`, at a new amount if given. Months a run left unpaid since the stop
    are paid back by the next run. 409 `nobody-to-resume-for` when the applicant, the account's
    holder or every member is reported dead: terminate instead; survivors apply anew.

    Args:
        case_id (str):
        programme (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ResumeIn): Pay again from a date: a suspension cleared up, or the survivors of a
            member's death at
            the amount set for them (ADR 0066).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseDetail | Problem]
    """

    kwargs = _get_kwargs(
        case_id=case_id,
        programme=programme,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    case_id: str,
    programme: str,
    *,
    client: AuthenticatedClient,
    body: ResumeIn,
    idempotency_key: str,
    if_match: str,
) -> CaseDetail | Problem | None:
    """恢复发放 Resume a suspended benefit, or pay the survivors after a death (VER-7)

     Pay again from a date (ADR 0066), from `suspended` or, after a member's death, from
    `termination_review`, at a new amount if given. Months a run left unpaid since the stop
    are paid back by the next run. 409 `nobody-to-resume-for` when the applicant, the account's
    holder or every member is reported dead: terminate instead; survivors apply anew.

    Args:
        case_id (str):
        programme (str):
        idempotency_key (str): 1 to 200 printable ASCII characters, no space at either end; a UUID
            works
        if_match (str):  Example: "3".
        body (ResumeIn): Pay again from a date: a suspension cleared up, or the survivors of a
            member's death at
            the amount set for them (ADR 0066).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseDetail | Problem
    """

    return (
        await asyncio_detailed(
            case_id=case_id,
            programme=programme,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
