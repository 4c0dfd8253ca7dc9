"""What every outbound HTTP client of the services shares (the bank, the partner data sources)."""

from __future__ import annotations

import ssl
from functools import cache

import httpx


@cache
def tls_context() -> ssl.SSLContext:
    """One TLS context for the process: loading the CA bundle takes ~17 ms, too much per client.

    httpx builds (and loads) a new one for every `AsyncClient` created without it.
    """
    return httpx.create_ssl_context()
