"""The notice outbox: a job row written in the same transaction as the operation it is about.

A rule of the operation outbox (`server.ledger.outbox`: recharge, consume, refund) and a post_save
hook on `CardEvent` (every card operation) queue `notice.prepare` under `notice:operation:<id>` /
`notice:card-event:<id>` with the transaction's own connection. So a notice job exists exactly
when its operation committed: a refused or rolled-back operation leaves none, a replay creates no
new row and so no new job, and a crash right after the commit can't lose one. For a money
operation the rule adds a row to the outbox's one insert; a card operation also reads the card's
balance as its transaction leaves it (card events are recorded after any money they move), which
the worker can't reconstruct later. Everything else happens in the worker, after commit.
"""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.signals import post_save

from server.card.models import Card, CardEvent
from server.jobs.queue import Queued, enqueue
from server.ledger.models import Account, AccountCode, Operation, OperationKind
from server.ledger.outbox import rule

PREPARE_TASK = "notice.prepare"
NOTIFIED_OPERATIONS = frozenset(
    {OperationKind.RECHARGE, OperationKind.CONSUME, OperationKind.REFUND, OperationKind.RECHARGE_REFUND}
)


@rule
def operation_notice(operation: Operation) -> Queued | None:
    if OperationKind(operation.kind) not in NOTIFIED_OPERATIONS:
        return None
    return Queued(PREPARE_TASK, f"notice:operation:{operation.id}", {"operation_id": operation.id})


@post_save(CardEvent)
async def card_event_committing(
    sender: type[CardEvent], instance: CardEvent, created: bool, using_db: BaseDBAsyncClient | None, update_fields: Any
) -> None:
    if created:
        payload = {"card_event_id": instance.id, "balance": await _balance(instance.card_id, using_db)}
        await enqueue(PREPARE_TASK, f"notice:card-event:{instance.id}", payload, using_db=using_db)


async def _balance(card_id: int, using_db: BaseDBAsyncClient | None) -> int:
    """Principal + bonus of the card's money (its parent's for a subsidiary card), as seen inside
    the transaction."""
    card = await Card.get(id=card_id).using_db(using_db)
    money_card = card.parent_id if card.parent_id is not None else card.id
    rows = await Account.filter(
        card_id=money_card, code__in=[AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS]
    ).using_db(using_db)
    return sum(int(row.balance or 0) for row in rows)
