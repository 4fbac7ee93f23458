"""The dashboard's figures for an actor's org scope: member counts, and money in (recharges) and
money spent (consumption net of refunds) per business day.

Operations count where they happened (their store); members count at their home store, as
`member_scope` limits member lists. Days are the brand's local dates (Asia/Shanghai); each
money series is one query grouped by that date in the database, so a wide window costs no more
round trips than a narrow one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from server.access.policy import Actor, member_scope, org_scope, require
from server.core.clock import BUSINESS_TZ, business_midnight, now
from server.core.errors import invalid
from server.core.sql import Sql, current_dialect, fetch, sql
from server.ledger.models import OperationKind
from server.member.models import Member

MAX_DAYS = 366
ACTIVE_DAYS = 30

_RECHARGE = OperationKind.RECHARGE.value
_CONSUME = OperationKind.CONSUME.value
_REFUND = OperationKind.REFUND.value


@dataclass(frozen=True)
class DayTotals:
    """One business day: recharged principal and consumption, each net of refunds made that day (fen)."""

    day: date
    recharge: int = 0
    recharge_count: int = 0
    consumption: int = 0
    consumption_count: int = 0


@dataclass(frozen=True)
class Dashboard:
    days: int
    members: int
    new_members: int
    active_members: int
    trend: list[DayTotals]

    @property
    def today(self) -> DayTotals:
        return self.trend[-1]


def _local_day() -> str:
    """The SQL for an operation's Shanghai-local date. SQLite holds UTC text ('2026-03-09
    15:59:59.999999+00:00'); its date functions round fractions to milliseconds (that one would
    turn into the next day), so only the whole UTC second, the first 19 characters, is read."""
    if current_dialect() == "postgres":
        return "(o.created_at AT TIME ZONE 'Asia/Shanghai')::date"
    return "date(substr(o.created_at, 1, 19), '+8 hours')"


def _operations_in_scope(actor: Actor) -> Sql:
    scope = org_scope(actor)
    if scope.store_id is not None:
        return sql("o.store_id = ?", scope.store_id)
    if scope.region_id is not None:
        return sql("o.store_id IN (SELECT s.id FROM store s WHERE s.region_id = ?)", scope.region_id)
    return sql("1 = 1")


async def _per_day(measure: Sql, kinds: tuple[str, ...], where: Sql) -> dict[date, tuple[int, int]]:
    """{local date: (amount, count)} for operations of `kinds` matching `where`."""
    placeholders = ", ".join("?" for _ in kinds)
    rows = await fetch(
        sql(f"SELECT {_local_day()} AS day, ")
        + measure
        + sql(f" FROM ledger_operation o WHERE o.kind IN ({placeholders}) AND ", *kinds)
        + where
        + sql(" GROUP BY 1")
    )
    return {date.fromisoformat(str(r["day"])): (int(r["amount"] or 0), int(r["n"] or 0)) for r in rows}


async def dashboard(actor: Actor | None, days: int = 30, at: datetime | None = None) -> Dashboard:
    """The figures for the `days` business days ending today (at `at`, default now)."""
    actor = require(actor)
    if not 1 <= days <= MAX_DAYS:
        raise invalid("days", f"Choose between 1 and {MAX_DAYS} days.")
    at = at or now()
    today = at.astimezone(BUSINESS_TZ).date()
    first = today - timedelta(days=days - 1)
    start, end = business_midnight(first), business_midnight(today + timedelta(days=1))
    where = sql("o.created_at >= ? AND o.created_at < ? AND ", start, end) + _operations_in_scope(actor)
    recharges = await _per_day(
        sql(
            "SUM(CASE WHEN o.kind = ? THEN o.amount ELSE -o.amount END) AS amount, "
            "SUM(CASE WHEN o.kind = ? THEN 1 ELSE 0 END) AS n",
            _RECHARGE,
            _RECHARGE,
        ),
        (_RECHARGE, OperationKind.RECHARGE_REFUND.value),
        where,
    )
    consumption = await _per_day(
        sql(
            "SUM(CASE WHEN o.kind = ? THEN o.amount ELSE -o.amount END) AS amount, "
            "SUM(CASE WHEN o.kind = ? THEN 1 ELSE 0 END) AS n",
            _CONSUME,
            _CONSUME,
        ),
        (_CONSUME, _REFUND),
        where,
    )
    trend = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        recharged, recharge_count = recharges.get(day, (0, 0))
        consumed, consumption_count = consumption.get(day, (0, 0))
        trend.append(DayTotals(day, recharged, recharge_count, consumed, consumption_count))
    members = Member.filter(**member_scope(actor))
    return Dashboard(
        days=days,
        members=await members.count(),
        new_members=await members.filter(created_at__gte=start).count(),
        active_members=await members.filter(last_purchase_at__gte=at - timedelta(days=ACTIVE_DAYS)).count(),
        trend=trend,
    )
