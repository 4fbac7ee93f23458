"""Running a money-moving operation exactly once per idempotency key.

Callers fingerprint the request and hand `run_once()` a preparation: the reads and checks done
outside the transaction, returning the transaction's body (which creates the Operation with this
key and fingerprint, then its effects). `execute_once()` runs the body; `find_replay()` looks for
the key's earlier operation.

A replay of a key with the same request returns the first operation and moves nothing; the same
key with a different request is IDEMPOTENCY_CONFLICT. Nothing looks for the key first: almost
every request is new, and that look would be one more round trip on every payment. A replay is
recognised when it fails instead — its Operation insert breaks the key's unique index and rolls
back, or its preparation or body is refused because of what the first run did (the balance it
spent, the coupon it used, the amount it refunded) — and the answer is then the first run's
result, not an error. Two concurrent requests with one key meet the same way: one commits, the
other finds the winner's operation afterwards. So a preparation must write nothing a replay could
not repeat (creating a missing account is fine; a wrong PIN is counted, replay or not).
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
    """The earlier operation for this key, or None; a different request under it is a conflict."""
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
    """`prepare()`, then `execute_once()` its body; the earlier run's outcome if the key was used."""
    try:
        execute = await prepare()
    except DomainError:
        replay = await find_replay(key, print_)
        if replay is None:
            raise
        return replay
    return await execute_once(key, print_, execute)
