"""Points lots: earning adds a lot, spending takes from the soonest-expiring lots first (FIFO).

Call `spend`/`earn` inside the operation's transaction, after the member's points account was
debited or credited by `server.ledger.posting.post` — that guarded update holds the row lock that
serializes concurrent operations on one member's points, so the lots read here are current.
"""

from __future__ import annotations

from datetime import UTC, datetime

from dateutil.relativedelta import relativedelta
from tortoise.expressions import F
from tortoise.functions import Sum

from server.core.clock import now
from server.core.errors import DomainError, ErrorCode
from server.core.joined import insert
from server.core.sql import defer
from server.points.models import PointsLot

NEVER = datetime(9999, 12, 31, tzinfo=UTC)


async def balance(member_id: int) -> int:
    """Points a member can spend now: the lots not yet expired."""
    total = (
        await PointsLot.filter(member_id=member_id, remaining__gt=0, expires_at__gt=now())
        .annotate(total=Sum("remaining"))
        .first()
        .values_list("total", flat=True)
    )
    return int(total or 0)


def expiry_for(earned_at: datetime, months: int) -> datetime:
    """Lots that never expire carry a far-future date, so ordering needs no NULL handling."""
    return earned_at + relativedelta(months=months) if months else NEVER


async def earn(member_id: int, operation_id: int, amount: int, expiry_months: int) -> None:
    """A new lot of `amount` points (a deferred write: see `server.core.sql.defer`)."""
    at = now()
    lot = insert(
        PointsLot,
        member_id=member_id,
        operation_id=operation_id,
        amount=amount,
        remaining=amount,
        expires_at=expiry_for(at, expiry_months),
        created_at=at,
    )
    await defer(lot)


async def spend(member_id: int, amount: int, field: str = "pointsToUse") -> None:
    """Takes `amount` from the member's live lots, soonest-expiring (then oldest) first; `field`
    names the input at fault when they hold too few."""
    left = amount
    live = await PointsLot.filter(member_id=member_id, remaining__gt=0, expires_at__gt=now()).order_by(
        "expires_at", "id"
    )
    for lot in live:
        take = min(left, lot.remaining)
        await PointsLot.filter(id=lot.id, remaining__gte=take).update(remaining=F("remaining") - take)
        left -= take
        if left == 0:
            return
    raise DomainError(ErrorCode.INSUFFICIENT_POINTS, "The member doesn't have enough points.", field)


async def take_back(member_id: int, operation_id: int, amount: int) -> None:
    """Reverses points an operation earned: from that operation's own lot first, then FIFO."""
    own = await PointsLot.filter(member_id=member_id, operation_id=operation_id, remaining__gt=0).first()
    left = amount
    if own is not None:
        take = min(left, own.remaining)
        await PointsLot.filter(id=own.id, remaining__gte=take).update(remaining=F("remaining") - take)
        left -= take
    if left:
        await spend(member_id, left)
