"""Calling the ASGI app in-process with no HTTP client: what a request costs the server alone."""

from __future__ import annotations

import asyncio

from starlette.types import ASGIApp, Message


async def post(app: ASGIApp, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    """(status, body) of one POST, as uvicorn would hand it to the app."""
    raw_headers = [(b"host", b"bench"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(name.lower().encode(), value.encode()) for name, value in headers.items()]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": raw_headers,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
        "state": {},
    }
    delivered = asyncio.Event()
    status = 0
    chunks: list[bytes] = []

    async def receive() -> Message:
        if delivered.is_set():
            await asyncio.Event().wait()  # the body is all there is; the app never waits for a disconnect
        delivered.set()
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return status, b"".join(chunks)
