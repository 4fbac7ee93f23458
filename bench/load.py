"""Driving the `consume` mutation over HTTP: C clients, each with its own keep-alive connection
and its own share of the cards (so clients never queue on one card's row locks), for T seconds."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

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


async def _client(base_url: str, token: str, cards: list[str], until: float, tally: Tally, run: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"}
    serial = itertools.count()
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as client:
        for card_no in itertools.cycle(cards):
            if time.monotonic() >= until:
                return
            variables = {"input": {"cardNo": card_no, "amount": AMOUNT, "idempotencyKey": f"{run}-{next(serial)}-{card_no}"}}
            body = json.dumps({"query": CONSUME, "variables": variables, "operationName": "Consume"})
            started = time.perf_counter()
            response = await client.post("/graphql", content=body)
            elapsed = time.perf_counter() - started
            result = response.json()
            payload = (result.get("data") or {}).get("consume")
            if payload is None:
                tally.errors[f"HTTP {response.status_code}: {result.get('errors')}"] += 1
            elif payload["errors"]:
                tally.errors[payload["errors"][0]["code"]] += 1
            else:
                tally.paid += 1
                tally.latencies.append(elapsed)


async def drive(base_url: str, token: str, card_nos: list[str], clients: int, seconds: float) -> tuple[Tally, float]:
    """(tally, elapsed seconds) of `clients` concurrent loops of consume over `seconds`."""
    tally = Tally()
    run = uuid.uuid4().hex[:8]
    shares = [card_nos[i::clients] for i in range(clients)]
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(_client(base_url, token, share, until, tally, run) for share in shares))
    return tally, time.monotonic() - started
