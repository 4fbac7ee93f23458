"""Jobs that commit with an operation (an outbox): the notice to send, the tier upgrade to check,
the referral reward to pay.

Each domain registers a rule (`@rule`) that names the job an operation needs, or None; one
post_save hook on `Operation` queues every rule's job with the transaction's own connection, in
one statement (plus one per conditional job, see `server.jobs.queue.enqueue_all`); an operation
written at once (`server.ledger.operations.written`) queues them in its own statement. So a job
exists exactly when its operation committed: a refused or rolled-back operation leaves none, a
replay creates no new operation and so no new job, and a crash right after the commit can't
lose one. Everything else happens in the worker, after commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.signals import post_save

from server.jobs.queue import Queued, enqueue_all
from server.ledger.models import Operation

Rule = Callable[[Operation], Queued | None]

_rules: list[Rule] = []


def rule(job_for: Rule) -> Rule:
    """Registers `job_for(operation)` (at import time, like a signal handler)."""
    _rules.append(job_for)
    return job_for


@post_save(Operation)
async def operation_committing(
    sender: type[Operation], instance: Operation, created: bool, using_db: BaseDBAsyncClient | None, update_fields: Iterable[str] | None
) -> None:
    if created:
        await queue_jobs(instance, using_db)


async def queue_jobs(operation: Operation, using_db: BaseDBAsyncClient | None = None) -> None:
    """Every rule's job for `operation` (deferred writes: they go with the operation's)."""
    jobs = [job for job in (job_for(operation) for job_for in _rules) if job is not None]
    if jobs:
        await enqueue_all(jobs, using_db=using_db)
