"""A graphql-transport-ws client for tests, on the `websockets` library, every wait bounded."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

WAIT = 5.0


@dataclass
class Closed:
    code: int | None
    reason: str
    before: list[dict[str, Any]]


class LiveClient:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws

    @classmethod
    async def open(cls, url: str, **kwargs: Any) -> LiveClient:
        ws = await connect(url, subprotocols=["graphql-transport-ws"], proxy=None, open_timeout=WAIT, **kwargs)  # type: ignore[list-item]
        return cls(ws)

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self, timeout: float = WAIT) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            return json.loads(await self.ws.recv())

    async def init(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        """Sends connection_init and returns the server's answer (connection_ack when accepted)."""
        await self.send({"type": "connection_init", **({"payload": payload} if payload is not None else {})})
        return await self.receive()

    async def subscribe(self, operation_id: str, query: str, **variables: Any) -> None:
        await self.send({"id": operation_id, "type": "subscribe", "payload": {"query": query, "variables": variables}})

    async def closed(self, timeout: float = WAIT) -> Closed:
        """Waits for the server to close the socket; `before` holds what it sent until then."""
        before: list[dict[str, Any]] = []
        async with asyncio.timeout(timeout):
            try:
                while True:
                    before.append(json.loads(await self.ws.recv()))
            except ConnectionClosed as closed:
                frame = closed.rcvd
                return Closed(frame.code if frame else None, frame.reason if frame else "", before)

    async def close(self) -> None:
        async with asyncio.timeout(WAIT):
            await self.ws.close()


async def signed_in(url: str, token: str) -> LiveClient:
    client = await LiveClient.open(url)
    ack = await client.init({"Authorization": f"Bearer {token}"})
    assert ack == {"type": "connection_ack"}, ack
    return client
