"""Expiring points by lot (`tessera expire-points`): every lot whose date has passed gives up
what remains of it, as one POINTS_EXPIRE operation per lot.

A rerun, or a second runner at the same time, never expires a lot twice. Each lot's transaction
first locks the member's points account — every change to a member's lots (spending, taking
earned points back, expiring) happens under that lock — then reads what the lot still holds: a
lot another runner emptied holds nothing, and points a refund took back from it meanwhile are not
expired again. The operation's idempotency key, `points-expire:lot:<id>`, is the second guard:
the loser of a race on it finds the winner's operation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from server.core.clock import now
from server.core.errors import invalid
from server.ledger import accounts
from server.ledger.models import Account, Operation, OperationKind, TransferCode
from server.ledger.operations import Execute, execute_once, fingerprint, system_key
from server.ledger.posting import Leg, lock_balances, post
from server.points.models import PointsLot

BATCH = 500


@dataclass(frozen=True)
class ExpiryReport:
    lots: int
    points: int


class _NothingLeft(Exception):
    """The lot was emptied (spent, taken back or expired) before its turn came."""


async def expire_points(at: datetime | None = None) -> ExpiryReport:
    """Expires every lot with expires_at <= `at` (default: now) that still holds points."""
    at = at or now()
    if at > now():
        raise invalid("at", "Points can't be expired ahead of time.")
    lots = points = 0
    last_id = 0
    while batch := await PointsLot.filter(id__gt=last_id, expires_at__lte=at, remaining__gt=0).order_by("id").limit(BATCH):
        refs = {lot.member_id: accounts.member_points(lot.member_id) for lot in batch}
        acct = await accounts.resolve([*refs.values(), accounts.POINTS_ISSUED])
        for lot in batch:
            expired = await _expire_lot(lot.id, acct[refs[lot.member_id]], acct[accounts.POINTS_ISSUED])
            if expired:
                lots += 1
                points += expired
        last_id = batch[-1].id
    return ExpiryReport(lots, points)


async def _expire_lot(lot_id: int, member_points: Account, issued: Account) -> int:
    """The points this call expired from the lot (0 when it was empty or another runner did it)."""
    key = system_key("points-expire", "lot", lot_id)
    print_ = fingerprint({"op": "points-expire", "lot": lot_id})
    try:
        outcome = await execute_once(key, print_, _execution(lot_id, key, print_, member_points, issued))
    except _NothingLeft:
        return 0
    return 0 if outcome.replayed else outcome.operation.amount


def _execution(lot_id: int, key: str, print_: str, member_points: Account, issued: Account) -> Execute:
    async def execute() -> Operation:
        await lock_balances([member_points])
        lot = await PointsLot.get(id=lot_id)
        if lot.remaining == 0:
            raise _NothingLeft
        operation = await Operation.create(
            kind=OperationKind.POINTS_EXPIRE,
            idempotency_key=key,
            fingerprint=print_,
            member_id=lot.member_id,
            amount=lot.remaining,
            result={"lot_id": lot.id, "points": lot.remaining, "expires_at": lot.expires_at.isoformat()},
        )
        await post(operation, [Leg(member_points, issued, lot.remaining, TransferCode.POINTS_EXPIRE)])
        await PointsLot.filter(id=lot.id).update(remaining=0)
        return operation

    return execute
