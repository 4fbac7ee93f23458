"""Who the next retention review would move down: for campaigns that warn members before it.

`falling(at, until)` is a condition on `member m` joined with `tier_status ts` (`JOIN
tier_status ts ON ts.member_id = m.id`): members whose retention review falls in (at, until]
and who, with the activity of their running period so far, would fail it and drop — holders of a
tier that has retention conditions and a lower tier, with no manual floor or bought tier of at
least that rank still holding at the review. It counts what `server.tier.activity` counts (net
spend, consumes, points earned less reversed) over the period `period_ending` gives the review,
in one statement per tier and period end, so the database decides for every member at once.

SQLite keeps timestamps as text with the offset they were written with (a calendar period ends
at midnight in Shanghai, +08:00), so there every timestamp is compared through `julianday`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from server.ledger.models import OperationKind, TransferCode
from server.core.sql import Sql, current_dialect, join, sql, values
from server.tier import conditions
from server.tier.conditions import Conditions
from server.tier.models import Match, Tier, TierWindow
from server.tier.windows import next_review, period_ending

_KINDS = (OperationKind.CONSUME.value, OperationKind.REFUND.value)
_EARNED = (TransferCode.POINTS_EARN.value, TransferCode.POINTS_EARN_REVERSAL.value)


def _instant(column: str) -> str:
    return column if current_dialect() == "postgres" else f"julianday({column})"


def _bound() -> str:
    return "?" if current_dialect() == "postgres" else "julianday(?)"


def _rolling_start(days: int) -> str:
    """The start of a ROLLING period ending at the member's review."""
    if current_dialect() == "postgres":
        return f"ts.review_at - INTERVAL '{int(days)} days'"
    return f"julianday(ts.review_at) - {int(days)}"


def _measures(since: Sql) -> dict[str, Sql]:
    """Per member (m), the activity since `since` (a condition on `ledger_operation o`)."""
    spend = sql(
        f"(SELECT COALESCE(SUM(CASE WHEN o.kind = '{OperationKind.CONSUME.value}' THEN o.amount ELSE -o.amount END), 0) "
        "FROM ledger_operation o WHERE o.member_id = m.id AND o.kind IN "
    ) + values(_KINDS) + sql(" AND ") + since + sql(")")
    visits = sql("(SELECT COUNT(*) FROM ledger_operation o WHERE o.member_id = m.id AND o.kind = ? AND ", _KINDS[0]) + since + sql(")")
    points = (
        sql(
            f"(SELECT COALESCE(SUM(CASE WHEN t.code = '{_EARNED[0]}' THEN t.amount ELSE -t.amount END), 0) FROM ledger_transfer t "
            "JOIN ledger_operation o ON o.id = t.operation_id WHERE o.member_id = m.id AND o.kind IN "
        )
        + values(_KINDS)
        + sql(" AND t.code IN ")
        + values(_EARNED)
        + sql(" AND ")
        + since
        + sql(")")
    )
    return {"spend": spend, "visits": visits, "points": points}


def _retained(rule: Conditions, since: Sql) -> Sql:
    measures = _measures(since)
    checks = [
        measures[name] + sql(" >= ?", required)
        for name, required in (("spend", rule.spend), ("visits", rule.visits), ("points", rule.points))
        if required is not None
    ]
    return join(" AND " if Match(rule.match) is Match.ALL else " OR ", checks)


def _held(tiers: list[Tier], tier: Tier) -> Sql:
    """A manual floor or bought tier of at least `tier`'s rank that still holds at the review."""
    kept = [t.id for t in tiers if t.rank >= tier.rank]
    later = f"{_instant('ts.floor_until')} > {_instant('ts.review_at')}"
    paid_later = f"{_instant('ts.paid_until')} > {_instant('ts.review_at')}"
    return (
        sql("((COALESCE(ts.floor_tier_id, 0) IN ")
        + values(kept)
        + sql(f" AND (ts.floor_until IS NULL OR {later})) OR (COALESCE(ts.paid_tier_id, 0) IN ")
        + values(kept)
        + sql(f" AND ts.paid_until IS NOT NULL AND {paid_later}))")
    )


def _period_ends(tier: Tier, at: datetime, until: datetime) -> Iterator[datetime]:
    end = next_review(tier, at)
    while end <= until:
        yield end
        end = next_review(tier, end)


def _periods(tier: Tier, at: datetime, until: datetime) -> list[tuple[Sql, Sql]]:
    """(which reviews, activity counted since) for the tier's reviews in (at, until]."""
    if TierWindow(tier.window) is TierWindow.ROLLING:
        due = sql(f"{_instant('ts.review_at')} > {_bound()} AND {_instant('ts.review_at')} <= {_bound()}", at, until)
        return [(due, sql(f"{_instant('o.created_at')} >= {_rolling_start(tier.window_days)}"))]
    return [
        (
            sql(f"{_instant('ts.review_at')} = {_bound()}", end),
            sql(f"{_instant('o.created_at')} >= {_bound()}", period_ending(tier, end)[0]),
        )
        for end in _period_ends(tier, at, until)
    ]


def falling(tiers: list[Tier], at: datetime, until: datetime) -> Sql:
    """The condition on `member m` and `tier_status ts` for members the reviews in (at, until]
    would move down (`tiers`: the whole ladder)."""
    parts: list[Sql] = []
    for tier in tiers:
        rule = conditions.retention(tier)
        if rule.empty or not any(t.rank < tier.rank for t in tiers):
            continue
        for due, since in _periods(tier, at, until):
            parts.append(
                sql("(m.tier_id = ? AND ", tier.id) + due + sql(" AND NOT ") + _held(tiers, tier) + sql(" AND NOT ") + _retained(rule, since) + sql(")")
            )
    return join(" OR ", parts) if parts else sql("1 = 0")
