from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    event_type: str,
    version: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/schemas/{event_type}/v{version}.json".format(
            event_type=quote(str(event_type), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | str | None:
    if response.status_code == 200:
        response_200 = cast(str, response.json())
        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    event_type: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | str]:
    """事件数据结构 The JSON Schema of an event type's data at a schema version

     The schema the internal topic's `ce_dataschema` names (docs/events/<service>/).

    Args:
        event_type (str): the event type, e.g. intake.ApplicationSubmitted
        version (int): the schema version (ce_schemaversion)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    event_type: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | str | None:
    """事件数据结构 The JSON Schema of an event type's data at a schema version

     The schema the internal topic's `ce_dataschema` names (docs/events/<service>/).

    Args:
        event_type (str): the event type, e.g. intake.ApplicationSubmitted
        version (int): the schema version (ce_schemaversion)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return sync_detailed(
        event_type=event_type,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    event_type: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | Problem | str]:
    """事件数据结构 The JSON Schema of an event type's data at a schema version

     The schema the internal topic's `ce_dataschema` names (docs/events/<service>/).

    Args:
        event_type (str): the event type, e.g. intake.ApplicationSubmitted
        version (int): the schema version (ce_schemaversion)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | str]
    """

    kwargs = _get_kwargs(
        event_type=event_type,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    event_type: str,
    version: int,
    *,
    client: AuthenticatedClient | Client,
) -> Any | Problem | str | None:
    """事件数据结构 The JSON Schema of an event type's data at a schema version

     The schema the internal topic's `ce_dataschema` names (docs/events/<service>/).

    Args:
        event_type (str): the event type, e.g. intake.ApplicationSubmitted
        version (int): the schema version (ce_schemaversion)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | str
    """

    return (
        await asyncio_detailed(
            event_type=event_type,
            version=version,
            client=client,
        )
    ).parsed
