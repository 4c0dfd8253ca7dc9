"""Webhook callbacks reach public addresses only (ADR 0036, SSRF): the address rules, the
registration check on every literal form an attacker would try, and the delivery-time
resolution that refuses any non-public answer and pins the connection to the address checked."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterator

import httpx
import pytest

from supervision.application.webhook_targets import (
    NON_PUBLIC,
    RESOLUTION_TIMED_OUT,
    UNRESOLVED,
    Unreachable,
    target_of,
)
from supervision.domain.callback_hosts import is_public, literal_address, names_a_non_public_host
from supervision.domain.subscription import InvalidCallbackUrl, check_callback_url

E2E_ALLOW_LIST = ("127.0.0.1", "localhost")


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.255.0.9", "::1",  # loopback
        "10.0.0.5", "172.16.3.4", "192.168.1.1", "fd12:3456::1",  # private
        "169.254.169.254", "fe80::1",  # link-local (the cloud metadata service)
        "224.0.0.1", "ff02::1",  # multicast
        "240.0.0.1", "255.255.255.255",  # reserved, broadcast
        "0.0.0.0", "::",  # unspecified
        "100.64.0.1", "100.127.255.254",  # shared address space (carrier-grade NAT)
        "::ffff:10.0.0.5", "::ffff:127.0.0.1", "::ffff:169.254.169.254",  # IPv4-mapped
        "2002:a00:5::1",  # 6to4 of 10.0.0.5
        "fec0::1",  # site-local
        "192.0.2.10", "2001:db8::1",  # documentation
    ],
)  # fmt: skip
def test_every_non_public_range_is_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["8.8.8.8", "114.114.114.114", "100.128.0.1", "2400:3200::1", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_public(address: str) -> None:
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),  # one decimal number
        ("0x7f.1", "127.0.0.1"),  # hexadecimal, two parts
        ("0177.0.0.1", "127.0.0.1"),  # octal
        ("127.1", "127.0.0.1"),  # short form
        ("0xa9fea9fe", "169.254.169.254"),
        ("::ffff:7f00:1", "::ffff:127.0.0.1"),
        ("fe80::1%eth0", "fe80::1%eth0"),  # with a zone
    ],
)
def test_every_literal_form_a_resolver_accepts_is_read_as_its_address(
    host: str, address: str
) -> None:
    assert literal_address(host) == ipaddress.ip_address(address)
    assert names_a_non_public_host(host)


def test_names_are_not_addresses() -> None:
    assert literal_address("mzj.lanzhou.gov.cn") is None
    assert literal_address("127.0.0.1.nip.io") is None  # judged when resolved, not here
    assert not names_a_non_public_host("mzj.lanzhou.gov.cn")


@pytest.mark.parametrize(
    "url",
    [
        "https://169.254.169.254/latest/meta-data/",
        "https://10.0.0.5/hook",
        "https://[::1]/hook",
        "https://[::ffff:10.0.0.5]:8443/hook",
        "https://[fe80::1%25eth0]/hook",
        "https://localhost/hook",
        "https://LOCALHOST./hook",  # case and a trailing dot change nothing
        "https://partner.localhost/hook",
        "https://2130706433/hook",
        "https://0x7f.1/hook",
        "https://0177.0.0.1/hook",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://224.0.0.1/hook",
        "https://１２７.0.0.1/hook",  # full-width digits, as a resolver normalises them
        "https://[::1/hook",  # not even a URL
        "https://partner.example.cn:99999/hook",  # nor is a port out of range
        "https://exa mple.com/",  # a space is no character of a URL (RFC 3986)
        "https://example.com/a b",
        "https://example.com/\u3000hook",
        "https://example.com/<hook>",
    ],
)
def test_a_callback_to_a_non_public_host_is_refused_at_registration(url: str) -> None:
    with pytest.raises(InvalidCallbackUrl) as refused:
        check_callback_url(url, ())
    assert refused.value.code == "invalid-callback-url"
    assert refused.value.extensions["field"] == "callback_url"


def test_the_allow_list_exempts_its_hosts_and_public_hosts_pass() -> None:
    check_callback_url("http://127.0.0.1:8080/hook", E2E_ALLOW_LIST)
    check_callback_url("https://localhost:8443/hook", E2E_ALLOW_LIST)
    check_callback_url("https://8.8.8.8/hook", ())
    check_callback_url("https://[2400:3200::1]/hook", ())
    check_callback_url("https://mzj.lanzhou.gov.cn/safetynet/webhooks", ())
    with pytest.raises(InvalidCallbackUrl):  # the allow-list names hosts, not ranges
        check_callback_url("https://127.0.0.2/hook", E2E_ALLOW_LIST)


class Answers:
    """A resolver answering from a script, one answer per call (a rebinding name's DNS)."""

    def __init__(self, *answers: list[str]) -> None:
        self._answers: Iterator[list[str]] = iter(answers)
        self.asked: list[tuple[str, int]] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.asked.append((host, port))
        return next(self._answers)


async def _target(url: str, resolve: Answers, allowed: tuple[str, ...] = ()) -> httpx.Request:
    """The request the dispatcher would send, as a transport receives it."""
    target = await target_of(url, allowed, resolve, timeout_s=1.0)
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async with httpx.AsyncClient(transport=httpx.MockTransport(record)) as client:
        await client.post(target.url, headers=target.headers, extensions=target.extensions)
    return seen[0]


async def test_a_public_name_is_connected_to_at_the_address_checked_with_its_name_kept() -> None:
    resolve = Answers(["203.119.4.10", "2400:3200::1"])
    sent = await _target("https://mzj.lanzhou.gov.cn:8443/hooks?v=1", resolve)
    assert resolve.asked == [("mzj.lanzhou.gov.cn", 8443)]
    assert sent.url == httpx.URL("https://203.119.4.10:8443/hooks?v=1")  # no second lookup
    assert sent.headers["host"] == "mzj.lanzhou.gov.cn:8443"
    assert sent.extensions["sni_hostname"] == "mzj.lanzhou.gov.cn"  # and the certificate's name


async def test_a_name_rebinding_to_a_private_address_is_refused_on_the_next_delivery() -> None:
    resolve = Answers(["203.119.4.10"], ["10.0.0.5"])
    first = await _target("https://partner.example.cn/hook", resolve)
    assert first.url.host == "203.119.4.10"
    with pytest.raises(Unreachable, match=NON_PUBLIC):
        await _target("https://partner.example.cn/hook", resolve)


@pytest.mark.parametrize(
    "answer",
    [["127.0.0.1"], ["203.119.4.10", "10.0.0.5"], ["::ffff:192.168.0.1"], ["169.254.169.254"], []],
)
async def test_any_non_public_answer_refuses_the_delivery(answer: list[str]) -> None:
    with pytest.raises(Unreachable, match=NON_PUBLIC):
        await target_of("https://partner.example.cn/hook", (), Answers(answer), timeout_s=1.0)


@pytest.mark.parametrize(
    "url", ["https://localhost/hook", "https://0x7f.1/hook", "https://[::1]/hook"]
)
async def test_a_non_public_literal_or_local_name_is_refused_without_resolving(url: str) -> None:
    resolve = Answers()
    with pytest.raises(Unreachable, match=NON_PUBLIC):
        await target_of(url, (), resolve, timeout_s=1.0)
    assert resolve.asked == []


async def test_an_allow_listed_host_is_reached_as_written() -> None:
    sent = await _target("http://127.0.0.1:8080/hook", Answers(), E2E_ALLOW_LIST)
    assert sent.url == httpx.URL("http://127.0.0.1:8080/hook")


async def test_a_name_that_does_not_resolve_in_time_or_at_all_is_a_failure() -> None:
    async def hangs(host: str, port: int) -> list[str]:
        await asyncio.Event().wait()
        return []

    async def unknown(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    url = "https://partner.example.cn/hook"
    with pytest.raises(Unreachable, match=RESOLUTION_TIMED_OUT):
        await target_of(url, (), hangs, timeout_s=0.05)
    with pytest.raises(Unreachable, match=UNRESOLVED):
        await target_of(url, (), unknown, timeout_s=1.0)
