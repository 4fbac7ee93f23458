"""The upgrade outbox: a consume's transaction also queues its member's upgrade check.

A post_save hook on `Operation` adds one row to the job queue, keyed by the operation, with the
transaction's own connection — the only statement tiers add to the consume path, which stays as
fast as it was (no tier rules are read there, no member row is locked early). So the check exists
exactly when the consume committed, runs once, and sees the consume in the ledger; the member is
upgraded by the worker right after the commit, in its own short transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.signals import post_save

from server.jobs.queue import enqueue
from server.ledger.models import Operation, OperationKind

UPGRADE_TASK = "tier.upgrade"


@post_save(Operation)
async def consume_committing(
    sender: type[Operation], instance: Operation, created: bool, using_db: BaseDBAsyncClient | None, update_fields: Iterable[str] | None
) -> None:
    if created and instance.kind == OperationKind.CONSUME and instance.member_id is not None:
        payload = {"member_id": instance.member_id, "operation_id": instance.id}
        await enqueue(UPGRADE_TASK, f"tier:upgrade:{instance.id}", payload, using_db=using_db)
