"""Points fixtures: the wallet member (home store SH001) and helpers that give and inspect points;
the ledger is verified after every test, so each scenario also proves the double-entry invariants."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from server.ledger.models import Account
from server.ledger.operations import Outcome
from server.points.models import PointsLot
from server.points.services import AdjustRequest, adjust_points
from server.program.services import update_settings
from tests.server.wallet.conftest import key, ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


async def give(org: Any, member_id: int, points: int, *, expiry_months: int | None = None) -> Outcome:
    """HQ adds points to a member (as a lot expiring after `expiry_months`, when given)."""
    hq = org.actors["hq.admin"]
    if expiry_months is not None:
        await update_settings(hq, points_expiry_months=expiry_months)
    return await adjust_points(hq, AdjustRequest(member_id, points, "goodwill", key()))


async def backdate(outcome: Outcome, expires_at: datetime) -> PointsLot:
    """Time passes: the lot an operation added now expires at `expires_at`."""
    await PointsLot.filter(operation_id=outcome.operation.id).update(expires_at=expires_at)
    return await PointsLot.get(operation_id=outcome.operation.id)


async def held(member_id: int) -> list[tuple[int, int]]:
    """(amount, remaining) of each of the member's lots, oldest first."""
    return [(lot.amount, lot.remaining) for lot in await PointsLot.filter(member_id=member_id).order_by("id")]


async def account_balance(member_id: int) -> int:
    account = await Account.get_or_none(key=f"MEMBER_POINTS:member:{member_id}")
    return int(account.balance or 0) if account else 0
