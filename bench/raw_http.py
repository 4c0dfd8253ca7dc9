"""A minimal HTTP/1.1 keep-alive client for load generation: prepared requests, little CPU.

httpx spends about 1.1 ms of CPU per request in the bench process — more than the bare peer and
its PostgreSQL together — and on two cores that CPU is taken from the servers being measured.
This client writes a prepared request on a kept-alive socket and reads the status line, the
headers and a `Content-Length` (or chunked) body: enough for the benchmark, nothing more.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit


class ResponseError(RuntimeError):
    """The server's answer could not be read as HTTP/1.1."""


class RawConnection:
    """One keep-alive HTTP/1.1 connection to one server."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str):
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, base_url: str) -> RawConnection:
        """Connect to `http://host:port`."""
        parts = urlsplit(base_url)
        if parts.scheme != "http" or parts.hostname is None or parts.port is None:
            raise ValueError(f"an http://host:port URL, not {base_url!r}")
        reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
        return cls(reader, writer, f"{parts.hostname}:{parts.port}")

    async def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        """POST `body`; the status code and the response body."""
        lines = [f"POST {path} HTTP/1.1", f"Host: {self.host}", f"Content-Length: {len(body)}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        return await self._response()

    async def _response(self) -> tuple[int, bytes]:
        status_line = await self.reader.readline()
        try:
            status = int(status_line.split(b" ", 2)[1])
        except (IndexError, ValueError):
            raise ResponseError(f"not an HTTP status line: {status_line!r}") from None
        length, chunked = None, False
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value.lower()
        if chunked:
            return status, await self._chunked_body()
        return status, await self.reader.readexactly(length or 0)

    async def _chunked_body(self) -> bytes:
        chunks = []
        while size := int((await self.reader.readline()).split(b";")[0], 16):
            chunks.append(await self.reader.readexactly(size))
            await self.reader.readline()  # the CRLF after the chunk
        await self.reader.readline()  # the CRLF after the last (empty) chunk
        return b"".join(chunks)

    async def close(self) -> None:
        """Close the connection."""
        self.writer.close()
        await self.writer.wait_closed()
