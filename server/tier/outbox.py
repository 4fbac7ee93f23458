"""The upgrade outbox: a consume's transaction also queues its member's upgrade check.

A rule of the operation outbox (`server.ledger.outbox`) adds one row to the job queue, keyed by
the operation, in the statement that queues the operation's other jobs — tiers add no statement
to the consume path (no tier rules are read there, no member row is locked early). So the check
exists exactly when the consume committed, runs once, and sees the consume in the ledger; the
member is upgraded by the worker right after the commit, in its own short transaction.
"""

from __future__ import annotations

from server.jobs.queue import Queued
from server.ledger.models import Operation, OperationKind
from server.ledger.outbox import rule

UPGRADE_TASK = "tier.upgrade"


@rule
def upgrade_check(operation: Operation) -> Queued | None:
    if operation.kind != OperationKind.CONSUME or operation.member_id is None:
        return None
    payload = {"member_id": operation.member_id, "operation_id": operation.id}
    return Queued(UPGRADE_TASK, f"tier:upgrade:{operation.id}", payload)
