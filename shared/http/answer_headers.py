"""Headers every answer carries: kept out of caches, never sniffed as another content type.

The answers hold personal data (names, masked IDs, amounts) for the person whose token asked:
`Cache-Control: no-store` keeps them out of every cache, the browser's included, unless a route
says otherwise (the event schemas are public and cacheable, `shared.http.event_schemas`).
`X-Content-Type-Options: nosniff` makes a browser take each answer as the type it declares.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_STORE = "no-store"


class AnswerHeadersMiddleware:
    """Adds `Cache-Control: no-store` (unless the route set one) and `nosniff` to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to the answer's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Cache-Control", NO_STORE)
                headers["X-Content-Type-Options"] = "nosniff"
            await send(message)

        await self.app(scope, receive, send_with_headers)
