"""Writing and reading the audit trail. Callers pass snapshots that are already PII-masked."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from tortoise.queryset import QuerySet

from server.access.policy import Actor, Permission, require
from server.audit.models import AuditEntry
from server.core.clock import now
from server.core.errors import DomainError
from server.core.joined import insert
from server.core.sql import defer


async def record(
    actor: Actor | None,
    action: str,
    target_type: str,
    target_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    ip: str | None = None,
) -> None:
    """Appends one entry; call inside the mutation's transaction so both commit or neither (a
    deferred write there: see `server.core.sql.defer`).

    `ip` is for events with no signed-in actor (a lock-out caused by anonymous guesses)."""
    entry = insert(
        AuditEntry,
        actor_id=actor.staff_id if actor else None,
        actor_name=actor.username if actor else "",
        role=actor.role.value if actor else "",
        region_id=actor.region_id if actor else None,
        store_id=actor.store_id if actor else None,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        before=before,
        after=after,
        ip=ip if ip is not None else (actor.ip if actor else ""),
        created_at=now(),
    )
    await defer(entry)


@asynccontextmanager
async def refusals_recorded(
    actor: Actor, action: str, target_type: str, target_id: Callable[[], Awaitable[object]], attempt: dict[str, Any]
) -> AsyncIterator[None]:
    """Records a DomainError raised in the block as `<action>.refused` — what was asked (`attempt`)
    and why (under `refused`: code, message, reason) — and lets it go on. The entry is written on
    its own (the refused operation's transaction, if it had one, rolled back), so a refused payment
    leaves this and nothing in the ledger. `target_id()` is looked up only then ("" when the target
    wasn't found)."""
    try:
        yield
    except DomainError as error:
        why = {"code": error.code.value, "message": error.message, **({"reason": error.reason.value} if error.reason else {})}
        await record(actor, f"{action}.refused", target_type, await target_id(), None, {**attempt, "refused": why})
        raise


def changed_only(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keeps only the keys whose value changed, so the trail says what an update did."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def audit_entries(
    actor: Actor | None,
    *,
    target_type: str | None = None,
    target_id: str | None = None,
    actor_id: int | None = None,
    action: str | None = None,
) -> QuerySet[AuditEntry]:
    require(actor, Permission.VIEW_AUDIT)
    query = AuditEntry.all()
    if target_type:
        query = query.filter(target_type=target_type)
    if target_id:
        query = query.filter(target_id=target_id)
    if actor_id is not None:
        query = query.filter(actor_id=actor_id)
    if action:
        query = query.filter(action=action)
    return query
