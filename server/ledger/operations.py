"""Running a money-moving operation exactly once per idempotency key.

Callers fingerprint the request and hand `run_once()` a preparation: the reads and checks done
outside the transaction, returning the transaction's body (which creates the Operation with this
key and fingerprint, then its effects). `find_replay()` and `execute_once()` are its two halves.

A replay of a key with the same request returns the first operation and moves nothing; the same
key with a different request is IDEMPOTENCY_CONFLICT. Two concurrent requests with one key race
on the key's unique index: one commits, the other finds the winner's operation afterwards — also
when the winner's effect made the loser fail first (the balance it spent, the coupon it used, the
amount it refunded), since a loser's answer must be the winner's result, not an error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.core.errors import DomainError, ErrorCode, invalid
from server.core.sql import deferring_writes, fetch_one, sql
from server.ledger.models import Operation

MAX_KEY_LENGTH = 100

Execute = Callable[[], Awaitable[Operation]]


@dataclass(frozen=True)
class Outcome:
    operation: Operation
    replayed: bool


def fingerprint(request: dict[str, Any]) -> str:
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def check_key(key: str) -> str:
    key = (key or "").strip()
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise invalid("idempotencyKey", f"Idempotency keys are 1-{MAX_KEY_LENGTH} characters.")
    return key


async def find_replay(key: str, print_: str) -> Outcome | None:
    """The earlier operation for this key, or None; a different request under it is a conflict.

    Every money-moving request asks this first and almost always finds nothing, so the look is a
    hand-written query; only a replay reads the whole operation."""
    existing = await fetch_one(sql("SELECT id, fingerprint FROM ledger_operation WHERE idempotency_key = ?", key))
    if existing is None:
        return None
    if existing["fingerprint"] != print_:
        raise DomainError(
            ErrorCode.IDEMPOTENCY_CONFLICT, "This idempotency key was used for a different request.", "idempotencyKey"
        )
    return Outcome(await Operation.get(id=existing["id"]), replayed=True)


async def execute_once(key: str, print_: str, execute: Execute) -> Outcome:
    """Runs `execute` in one transaction (its deferred writes sent at its end); losing the race for
    the key (or failing because of what the winner did) returns the winner's operation instead."""
    try:
        async with in_transaction(), deferring_writes():
            operation = await execute()
    except (IntegrityError, DomainError):
        replay = await find_replay(key, print_)
        if replay is None:
            raise
        return replay
    return Outcome(operation, replayed=False)


async def run_once(key: str, print_: str, prepare: Callable[[], Awaitable[Execute]]) -> Outcome:
    """The replay if the key was used; else `prepare()` then `execute_once()` its body."""
    replay = await find_replay(key, print_)
    if replay is not None:
        return replay
    try:
        execute = await prepare()
    except DomainError:
        replay = await find_replay(key, print_)
        if replay is None:
            raise
        return replay
    return await execute_once(key, print_, execute)
