"""Where one webhook POST connects (ADR 0036): the callback's host is resolved once, every
address it resolves to must be public, and the connection is pinned to the address checked.

Pinning closes DNS rebinding: the POST goes to the checked IP itself, with the callback's Host
header and, over https, its name as TLS SNI (and so as the name the certificate must carry). No
second resolution happens between the check and the connection. Hosts on the deployment's
plain-http allow-list (development and tests) are reached as written.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from supervision.domain.callback_hosts import (
    IPAddress,
    is_allowed_anywhere,
    is_public,
    literal_address,
    names_a_non_public_host,
)

Resolver = Callable[[str, int], Awaitable[list[str]]]
"""(host, port) → the addresses the host resolves to, as text."""

NON_PUBLIC = "callback resolves to a non-public address"
UNRESOLVED = "callback host does not resolve"
RESOLUTION_TIMED_OUT = "callback host resolution timed out"
INVALID = "callback URL is not valid"


class Unreachable(Exception):
    """The callback may not, or cannot, be connected to; the message is the delivery's error."""


@dataclass(frozen=True)
class Target:
    """The request to send: the URL to connect to, and what keeps the callback's identity."""

    url: httpx.URL
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)


async def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses by the system resolver (asyncio's getaddrinfo)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def target_of(
    callback_url: str, plain_http_hosts: tuple[str, ...], resolve: Resolver, timeout_s: float
) -> Target:
    """The pinned target of a callback, or `Unreachable` when any address is not public."""
    try:
        url = httpx.URL(callback_url)
    except httpx.InvalidURL as bad:
        raise Unreachable(INVALID) from bad
    host = url.raw_host.decode("ascii")
    if is_allowed_anywhere(host, plain_http_hosts):
        return Target(url)
    if names_a_non_public_host(host):
        raise Unreachable(NON_PUBLIC)
    addresses = await _resolved(host, url.port or _default_port(url), resolve, timeout_s)
    if not addresses or not all(is_public(address) for address in addresses):
        raise Unreachable(NON_PUBLIC)
    return pinned(url, addresses[0])


def pinned(url: httpx.URL, address: IPAddress) -> Target:
    """The request to `url` sent to `address`: same path, Host header and TLS name."""
    headers = {"host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    return Target(url.copy_with(host=str(address)), headers, extensions)


async def _resolved(host: str, port: int, resolve: Resolver, timeout_s: float) -> list[IPAddress]:
    literal = literal_address(host)
    if literal is not None:
        return [literal]
    try:
        found = await asyncio.wait_for(resolve(host, port), timeout=timeout_s)
    except TimeoutError as slow:
        raise Unreachable(RESOLUTION_TIMED_OUT) from slow
    except OSError as failed:  # socket.gaierror and kin
        raise Unreachable(UNRESOLVED) from failed
    addresses = [literal_address(text) for text in found]
    if any(address is None for address in addresses):
        raise Unreachable(NON_PUBLIC)  # nothing we can judge is connected to
    return [address for address in addresses if address is not None]


def _default_port(url: httpx.URL) -> int:
    return 443 if url.scheme == "https" else 80
