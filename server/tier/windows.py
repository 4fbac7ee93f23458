"""The windows tier conditions count activity in, and when a tier's retention period ends.

A ROLLING window is the last `window_days` days; MONTH, QUARTER and YEAR are calendar periods in
the brand's time zone (a month starts at local midnight on the 1st, not at UTC midnight).

    upgrade_window(tier, at)   what counts towards an upgrade at `at`: the rolling days up to
                               `at`, or the calendar period so far
    period_ending(tier, end)   what a retention review at `end` counts: the period just ended
    next_review(tier, after)   the first period end after `after`
"""

from __future__ import annotations

from datetime import datetime, timedelta

from dateutil.relativedelta import relativedelta

from server.core.clock import BUSINESS_TZ
from server.tier.models import Tier, TierWindow

_MONTHS = {TierWindow.MONTH: 1, TierWindow.QUARTER: 3, TierWindow.YEAR: 12}
_TICK = timedelta(microseconds=1)


def _period_start(window: TierWindow, at: datetime) -> datetime:
    local = at.astimezone(BUSINESS_TZ)
    months = _MONTHS[window]
    month = 1 + (local.month - 1) // months * months
    return local.replace(month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def upgrade_window(tier: Tier, at: datetime) -> tuple[datetime, datetime]:
    window = TierWindow(tier.window)
    if window is TierWindow.ROLLING:
        return at - timedelta(days=tier.window_days), at
    return _period_start(window, at), at


def period_ending(tier: Tier, end: datetime) -> tuple[datetime, datetime]:
    window = TierWindow(tier.window)
    if window is TierWindow.ROLLING:
        return end - timedelta(days=tier.window_days), end
    return _period_start(window, end - _TICK), end


def next_review(tier: Tier, after: datetime, start: datetime | None = None) -> datetime:
    """The first end of a period after `after`; ROLLING periods run back to back from `start`
    (the day the tier was reached), calendar ones end with their month, quarter or year."""
    window = TierWindow(tier.window)
    if window is TierWindow.ROLLING:
        step = timedelta(days=tier.window_days)
        end = (start or after) + step
        if end <= after:
            end += step * ((after - end) // step + 1)
        return end
    return _period_start(window, after) + relativedelta(months=_MONTHS[window])
