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

On PostgreSQL a preparation may offer a second body (`Body.at_once`): the same operation computed
from what it read without locks, written as one statement without a transaction
(`server.core.sql.at_once`), its Operation under an id drawn beforehand (`with_next_id`). It is
tried first; if what it read changed meanwhile (StaleWrite) nothing was written and the locked body
runs as usual. A payment that finds its balances as it read them — nearly all — then costs one
round trip instead of BEGIN, four statements and COMMIT.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid
from server.core.joined import Join, insert
from server.core.sql import StaleWrite, at_once, current_dialect, defer, deferring_writes, fetch_one, sql
from server.ledger import outbox
from server.ledger.models import Operation

MAX_KEY_LENGTH = 100

Execute = Callable[[], Awaitable[Operation]]

NEXT_ID = "next_operation_id"


@dataclass(frozen=True)
class Body:
    """What a preparation returns when it can also run at once: `locked` runs in a transaction;
    `at_once`, if given, is tried first inside `server.core.sql.at_once()`."""

    locked: Execute
    at_once: Execute | None = None


@dataclass(frozen=True)
class Outcome:
    operation: Operation
    replayed: bool


def fingerprint(request: dict[str, Any]) -> str:
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


SYSTEM_SCOPES = frozenset({"card_replace", "card_cash_out", "points-expire", "reward", "referral", "tier-gift"})


def check_key(key: str) -> str:
    """A client's idempotency key, trimmed. Keys in a system scope (`reward:…`, or `reward` itself,
    whose batch rows would be `reward:0`…) are refused: taken by a client first, a system
    operation's key would block it (a card's cash-out, a lot's expiry) as a conflict."""
    key = (key or "").strip()
    if not 1 <= len(key) <= MAX_KEY_LENGTH:
        raise invalid("idempotencyKey", f"Idempotency keys are 1-{MAX_KEY_LENGTH} characters.")
    scope = key.split(":", 1)[0]
    if scope in SYSTEM_SCOPES:
        raise invalid("idempotencyKey", f"Idempotency keys starting with {scope!r} are reserved for Tessera's own operations.")
    return key


def system_key(scope: str, *parts: object) -> str:
    """The idempotency key of an operation Tessera makes itself: `scope:part:…`, in a scope no
    client key can take (`check_key`)."""
    key = ":".join([scope, *(str(part) for part in parts)])
    if scope not in SYSTEM_SCOPES or len(key) > MAX_KEY_LENGTH:
        raise ValueError(f"not a system key: {key!r}")
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


def with_next_id(join: Join) -> Join:
    """`join` with a column `next_operation_id` on PostgreSQL: an id drawn from the operations'
    sequence in the read a payment makes anyway, for an at-once body's Operation (`written`). An id
    drawn and not used leaves a gap, as a rolled-back insert does."""
    if current_dialect() != "postgres":
        return join
    return replace(join, columns=f"{join.columns}, nextval(pg_get_serial_sequence('ledger_operation', 'id')) AS \"{NEXT_ID}\"")


async def written(operation_id: int, **fields: Any) -> Operation:
    """The Operation with `operation_id` (from `with_next_id`), its INSERT and its outbox jobs
    deferred into the enclosing block's statement, for an at-once body (`Operation.create` would
    send the INSERT at once, and its post_save hook queues the jobs)."""
    operation = Operation(id=operation_id, created_at=now(), **fields)
    await defer(insert(Operation, **{name: getattr(operation, name) for name in Operation._meta.fields_db_projection}))
    await outbox.queue_jobs(operation)
    return operation


async def execute_once(key: str, print_: str, execute: Execute | Body) -> Outcome:
    """Runs the body in one transaction (its deferred writes sent at its end), or an at-once body
    first; losing the race for the key (or failing because of what the winner did) returns the
    winner's operation instead."""
    body = execute if isinstance(execute, Body) else Body(execute)
    try:
        operation = await _at_once(body.at_once) if body.at_once is not None else None
        if operation is None:
            async with in_transaction(), deferring_writes():
                operation = await body.locked()
    except (IntegrityError, DomainError):
        replay = await find_replay(key, print_)
        if replay is None:
            raise
        return replay
    return Outcome(operation, replayed=False)


async def _at_once(execute: Execute) -> Operation | None:
    """The at-once body's operation, or None if what it read has changed (it wrote nothing)."""
    try:
        async with at_once():
            return await execute()
    except StaleWrite:
        return None


async def run_once(key: str, print_: str, prepare: Callable[[], Awaitable[Execute | Body]]) -> Outcome:
    """`prepare()`, then `execute_once()` its body; the earlier run's outcome if the key was used."""
    try:
        execute = await prepare()
    except DomainError:
        replay = await find_replay(key, print_)
        if replay is None:
            raise
        return replay
    return await execute_once(key, print_, execute)
