"""Driving the `consume` mutation over HTTP: C clients, each with its own keep-alive connection
and its own share of the cards (so clients never queue on one card's row locks), for T seconds.

The clients share the machine with the server and PostgreSQL, so they are kept light: each speaks
HTTP/1.1 over a bare asyncio stream (`Connection`), with the request head written once — a tenth
of the CPU per request of an httpx client, which would otherwise take a good part of a core from
the server it measures (pgbench's own clients are C)."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

CONSUME = """
mutation Consume($input: ConsumeInput!) {
  consume(input: $input) {
    breakdown { payable paidPrincipal paidBonus pointsEarned }
    transfer { id }
    errors { code message }
  }
}
"""

LOGIN = """
mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) { token errors { code message } }
}
"""

AMOUNT = "12.80"


@dataclass
class Tally:
    paid: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))] if ordered else 0.0


async def login(base_url: str, username: str, password: str) -> str:
    async with httpx.AsyncClient(base_url=base_url) as client:
        response = await client.post("/graphql", json={"query": LOGIN, "variables": {"username": username, "password": password}})
        body = response.json()["data"]["login"]
        if not body["token"]:
            raise RuntimeError(f"login failed: {body['errors']}")
        return str(body["token"])


class Connection:
    """One keep-alive HTTP/1.1 connection that POSTs JSON to one path and reads JSON answers."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes) -> None:
        self._reader = reader
        self._writer = writer
        self._head = head

    @classmethod
    async def open(cls, base_url: str, path: str, headers: dict[str, str]) -> Connection:
        url = urlsplit(base_url)
        reader, writer = await asyncio.open_connection(url.hostname, url.port or 80)
        lines = [f"POST {path} HTTP/1.1", f"Host: {url.netloc}", *(f"{k}: {v}" for k, v in headers.items())]
        return cls(reader, writer, ("\r\n".join(lines) + "\r\nContent-Length: ").encode())

    async def post(self, body: bytes) -> tuple[int, Any]:
        """(status, decoded JSON body) of one request."""
        self._writer.write(self._head + b"%d\r\n\r\n" % len(body) + body)
        status = int((await self._reader.readline()).split()[1])
        length = None
        while (line := await self._reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise RuntimeError("the server answered without a Content-Length")
        return status, json.loads(await self._reader.readexactly(length))

    def close(self) -> None:
        self._writer.close()


async def _client(base_url: str, token: str, cards: list[str], until: float, tally: Tally, run: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}
    serial = itertools.count()
    connection = await Connection.open(base_url, "/graphql", headers)
    try:
        for card_no in itertools.cycle(cards):
            if time.monotonic() >= until:
                return
            variables = {"input": {"cardNo": card_no, "amount": AMOUNT, "idempotencyKey": f"{run}-{next(serial)}-{card_no}"}}
            body = json.dumps({"query": CONSUME, "variables": variables, "operationName": "Consume"}).encode()
            started = time.perf_counter()
            status, result = await connection.post(body)
            elapsed = time.perf_counter() - started
            payload = (result.get("data") or {}).get("consume")
            if payload is None:
                tally.errors[f"HTTP {status}: {result.get('errors')}"] += 1
            elif payload["errors"]:
                tally.errors[payload["errors"][0]["code"]] += 1
            else:
                tally.paid += 1
                tally.latencies.append(elapsed)
    finally:
        connection.close()


async def drive(base_url: str, token: str, card_nos: list[str], clients: int, seconds: float) -> tuple[Tally, float]:
    """(tally, elapsed seconds) of `clients` concurrent loops of consume over `seconds`."""
    tally = Tally()
    run = uuid.uuid4().hex[:8]
    shares = [card_nos[i::clients] for i in range(clients)]
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(_client(base_url, token, share, until, tally, run) for share in shares))
    return tally, time.monotonic() - started
