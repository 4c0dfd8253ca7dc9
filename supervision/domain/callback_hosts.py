"""Which hosts a webhook callback may reach (ADR 0036): public addresses only, so that a
subscription cannot make supervision POST into the platform's own network (SSRF).

An address is public when it is globally reachable: not loopback, private, link-local, multicast,
reserved, unspecified, shared (100.64.0.0/10, carrier-grade NAT) or site-local. An IPv6 address
that carries an IPv4 one (IPv4-mapped `::ffff:a.b.c.d`, 6to4 `2002:…`) is judged by the IPv4 one
it carries. Hosts the deployment allows plain http to (`SUPERVISION_WEBHOOK_PLAIN_HTTP_HOSTS`,
development and tests) are exempt.
"""

from __future__ import annotations

import ipaddress
import socket
import unicodedata
from collections.abc import Sequence

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

SHARED_ADDRESS_SPACE = ipaddress.IPv4Network("100.64.0.0/10")
LOCAL_NAME = "localhost"


def normalised_host(host: str) -> str:
    """The host as a resolver sees it: compatibility-normalised, lower case, no trailing dot."""
    return unicodedata.normalize("NFKC", host).lower().rstrip(".")


def literal_address(host: str) -> IPAddress | None:
    """The address a host names literally, in any form a resolver accepts, or None for a name.

    Besides the usual dotted quad and IPv6 (with or without a zone), `inet_aton`'s forms count:
    `2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1` all name 127.0.0.1.
    """
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def is_public(address: IPAddress) -> bool:
    """True for a globally reachable unicast address, the only kind a callback may reach."""
    carried = _carried_ipv4(address)
    if carried is not None:
        return is_public(carried)
    if isinstance(address, ipaddress.IPv4Address) and address in SHARED_ADDRESS_SPACE:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def is_allowed_anywhere(host: str, plain_http_hosts: Sequence[str]) -> bool:
    """True for a host the deployment exempts (its plain-http allow-list)."""
    return normalised_host(host) in {normalised_host(h) for h in plain_http_hosts}


def names_a_non_public_host(host: str) -> bool:
    """True when the host itself says it is not public: `localhost`, `*.localhost` (RFC 6761)
    or a literal non-public address. A name is judged only once resolved (the dispatcher)."""
    name = normalised_host(host)
    if name == LOCAL_NAME or name.endswith("." + LOCAL_NAME):
        return True
    address = literal_address(name)
    return address is not None and not is_public(address)


def _carried_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for (IPv4-mapped or 6to4), if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    return address.ipv4_mapped or address.sixtofour
