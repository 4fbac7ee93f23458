"""The referral outbox: a reward job queued in the transaction of a referred member's consume.

A rule of the operation outbox (`server.ledger.outbox`) queues `referral.reward` under
`referral:consume:<operation id>` only if the member has a referrer and no reward yet — a condition
the job's insert checks as it runs, in the consume's transaction: a rolled-back consume leaves no
job, a committed one always has it, and members without a referrer (or already rewarded) cost that
one indexed insert … select that adds nothing. Which consume earns the reward, and paying it once,
is the job's business.
"""

from __future__ import annotations

from server.core.sql import sql
from server.jobs.queue import Queued
from server.ledger.models import Operation, OperationKind
from server.ledger.outbox import rule

REWARD_TASK = "referral.reward"

_UNREWARDED_REFEREE = """EXISTS (SELECT 1 FROM member m WHERE m.id = ? AND m.referrer_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM referral_reward r WHERE r.referee_id = m.id))"""


@rule
def referral_reward(operation: Operation) -> Queued | None:
    if OperationKind(operation.kind) is not OperationKind.CONSUME or operation.member_id is None:
        return None
    return Queued(
        REWARD_TASK,
        f"referral:consume:{operation.id}",
        {"operation_id": operation.id},
        only_if=sql(_UNREWARDED_REFEREE, operation.member_id),
    )
