"""Tier work the worker runs: the upgrade check after each consume, and the scheduled review."""

from __future__ import annotations

from server.jobs.registry import JobContext, Task
from server.tier.evaluation import review_due, upgrade_after
from server.tier.outbox import UPGRADE_TASK


async def _upgrade(context: JobContext) -> None:
    await upgrade_after(int(context.payload["member_id"]), int(context.payload["operation_id"]))


async def _review(context: JobContext) -> None:
    await review_due(context.started_at)


UPGRADE = Task(UPGRADE_TASK, _upgrade, max_attempts=5, backoff=10.0)
REVIEW = Task("tier.review", _review, max_attempts=3, backoff=60.0, timeout=3600.0)
