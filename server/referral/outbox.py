"""The referral outbox: a reward job queued in the transaction of a referred member's consume.

A post_save hook on `Operation` adds one statement to a consume — does this member have a referrer
and no reward yet? — and queues `referral.reward` under `referral:consume:<operation id>` only
when both hold, with the transaction's own connection: a rolled-back consume leaves no job, a
committed one always has it, and members without a referrer (or already rewarded) cost that one
indexed lookup. Which consume earns the reward, and paying it once, is the job's business.
"""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Subquery
from tortoise.signals import post_save

from server.jobs.queue import enqueue
from server.ledger.models import Operation, OperationKind
from server.member.models import Member
from server.referral.models import ReferralReward

REWARD_TASK = "referral.reward"


@post_save(Operation)
async def consume_committing(
    sender: type[Operation], instance: Operation, created: bool, using_db: BaseDBAsyncClient | None, update_fields: Iterable[str] | None
) -> None:
    if not created or OperationKind(instance.kind) is not OperationKind.CONSUME or instance.member_id is None:
        return
    rewarded = Subquery(ReferralReward.filter(referee_id=instance.member_id).values("referee_id"))
    pending = Member.filter(id=instance.member_id, referrer_id__not_isnull=True).exclude(id__in=rewarded)
    if await pending.using_db(using_db).exists():
        await enqueue(REWARD_TASK, f"referral:consume:{instance.id}", {"operation_id": instance.id}, using_db=using_db)
