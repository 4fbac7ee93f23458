"""RFM scores, groups and a CLV estimate per member, computed in the database in one pass.

For every member with at least one purchase in the window (default the last 365 days):

    recency_days   whole days from their last purchase in the window to the run
    frequency      purchases (CONSUME operations) in the window
    monetary       net spend: purchases less refunds made in the window, fen
    r/f/m_score    quintiles 1-5 (5 best: most recent, most frequent, biggest spender), as
                   1 + (rank − 1) × 5 ÷ members, where rank is the SQL RANK() of the value among
                   the members scored. Equal values share a rank and so a score — NTILE(5) would
                   put members with the same value (most members buy once) in different quintiles
                   depending on row order, which no one could explain to HQ.
    rfm_group      by which of R, F, M score ≥ 3 (see `RfmGroup`)
    clv            net spend per year × 3 years (an expected relationship length), never below 0:
                   max(monetary, 0) × 365 × 3 ÷ window days

`refresh_member_values` replaces the whole table in one transaction (DELETE, then INSERT …
SELECT with window functions on PostgreSQL and SQLite ≥ 3.25): never a loop over members, and
readers see the previous run until the new one commits. Members without purchases in the window
have no row and so no group.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from server.core.clock import now
from server.ledger.models import OperationKind
from server.segment.models import MemberValue, RfmGroup
from server.core.sql import Sql, current_dialect, execute, sql

WINDOW_DAYS = 365
CLV_YEARS = 3
HIGH_SCORE = 3


def _days_since(at: datetime) -> Sql:
    """Whole days from the latest purchase (`last_at`) to `at`."""
    if current_dialect() == "postgres":
        return sql("CAST(FLOOR(EXTRACT(EPOCH FROM (CAST(? AS TIMESTAMPTZ) - t.last_at)) / 86400) AS INTEGER)", at)
    return sql("CAST(julianday(?) - julianday(t.last_at) AS INTEGER)", at.isoformat())


def _score(order: str) -> str:
    return f"1 + (RANK() OVER (ORDER BY {order}) - 1) * 5 / COUNT(*) OVER ()"


def _group() -> str:
    high = {letter: f"s.{letter}_score >= {HIGH_SCORE}" for letter in "rfm"}
    by_flags = {
        (True, True, True): RfmGroup.IMPORTANT_VALUE,
        (False, True, True): RfmGroup.IMPORTANT_KEEP,
        (True, False, True): RfmGroup.IMPORTANT_DEVELOP,
        (False, False, True): RfmGroup.IMPORTANT_RETAIN,
        (True, True, False): RfmGroup.GENERAL_VALUE,
        (False, True, False): RfmGroup.GENERAL_KEEP,
        (True, False, False): RfmGroup.GENERAL_DEVELOP,
    }
    cases = " ".join(
        "WHEN "
        + " AND ".join(high[letter] if flag else f"NOT {high[letter]}" for letter, flag in zip("rfm", flags, strict=True))
        + f" THEN '{group.value}'"
        for flags, group in by_flags.items()
    )
    return f"CASE {cases} ELSE '{RfmGroup.GENERAL_RETAIN.value}' END"


def scoring(at: datetime, window_days: int) -> Sql:
    """SELECT of member_value's columns for every member who bought in the window before `at`."""
    consume, refund = OperationKind.CONSUME.value, OperationKind.REFUND.value
    totals = sql(
        "SELECT o.member_id AS member_id, MAX(CASE WHEN o.kind = ? THEN o.created_at END) AS last_at, "
        "SUM(CASE WHEN o.kind = ? THEN 1 ELSE 0 END) AS frequency, "
        "SUM(CASE WHEN o.kind = ? THEN o.amount ELSE -o.amount END) AS monetary "
        "FROM ledger_operation o WHERE o.member_id IS NOT NULL AND o.kind IN (?, ?) AND o.created_at >= ? "
        "AND o.created_at <= ? GROUP BY o.member_id",
        consume, consume, consume, consume, refund, at - timedelta(days=window_days), at,
    )
    measured = (
        sql("SELECT t.member_id AS member_id, ")
        + _days_since(at)
        + sql(" AS recency_days, t.frequency AS frequency, t.monetary AS monetary FROM (")
        + totals
        + sql(") t WHERE t.frequency > 0")
    )
    scored = (
        sql(
            f"SELECT v.*, {_score('v.recency_days DESC')} AS r_score, {_score('v.frequency')} AS f_score, "
            f"{_score('v.monetary')} AS m_score FROM ("
        )
        + measured
        + sql(") v")
    )
    return (
        sql(
            "SELECT s.member_id, s.recency_days, s.frequency, s.monetary, s.r_score, s.f_score, s.m_score, "
            f"{_group()}, CASE WHEN s.monetary > 0 THEN s.monetary * {365 * CLV_YEARS} / ? ELSE 0 END, ? FROM (",
            window_days,
            at,
        )
        + scored
        + sql(") s")
    )


async def refresh_member_values(at: datetime | None = None, window_days: int = WINDOW_DAYS) -> int:
    """Recomputes every member's value as of `at` (default now); the number of members scored."""
    if not 1 <= window_days <= 3650:
        raise ValueError(f"window_days must be 1-3650, not {window_days}")
    moment = at or now()
    async with in_transaction():
        await execute(sql("DELETE FROM member_value"))
        await execute(
            sql(
                "INSERT INTO member_value (member_id, recency_days, frequency, monetary, r_score, f_score, m_score, "
                "rfm_group, clv, computed_at) "
            )
            + scoring(moment, window_days)
        )
        return await MemberValue.all().count()
