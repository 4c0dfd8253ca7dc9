"""The headers every answer carries: its correlation id, kept out of caches, never sniffed.

The correlation id is taken from `X-Correlation-Id` (or made up), set for logs and echoed back.
The answers hold personal data (names, masked IDs, amounts) for the person whose token asked:
`Cache-Control: no-store` keeps them out of every cache, the browser's included, unless a route
says otherwise (the event schemas are public and cacheable, `shared.http.event_schemas`).
`X-Content-Type-Options: nosniff` makes a browser take each answer as the type it declares.
"""

from __future__ import annotations

import re
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.logging import correlation_id_var

HEADER = "X-Correlation-Id"
NO_STORE = "no-store"
# Anything else (too long, odd characters) is replaced, so it cannot forge log lines.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9._:\-]{1,128}")


class CorrelationMiddleware:
    """Pure ASGI middleware setting `correlation_id_var` for the request; it adds the id,
    `Cache-Control: no-store` (unless the route set one) and `nosniff` to the answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Bind the correlation id around the request; add the answer's headers."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope)
        correlation_id = incoming if incoming and _ACCEPTABLE.fullmatch(incoming) else None
        correlation_id = correlation_id or str(uuid.uuid4())
        token = correlation_id_var.set(correlation_id)

        async def send_with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers[HEADER] = correlation_id
                headers.setdefault("Cache-Control", NO_STORE)
                headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        try:
            await self.app(scope, receive, send_with_header)
        finally:
            correlation_id_var.reset(token)


def _header(scope: Scope) -> str | None:
    wanted = HEADER.lower().encode()
    for name, value in scope.get("headers", ()):
        if name.lower() == wanted:
            return bytes(value).decode("latin-1").strip()
    return None
