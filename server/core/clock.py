"""The one source of 'now', so tests and services agree on time zones (always UTC), and the
business day: dates members and staff mean (a birthday, "today") are the brand's local dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

BUSINESS_TZ = ZoneInfo("Asia/Shanghai")


def now() -> datetime:
    return datetime.now(UTC)


def business_today() -> date:
    return now().astimezone(BUSINESS_TZ).date()


def business_midnight(day: date) -> datetime:
    """The UTC instant the brand's local `day` begins."""
    return datetime.combine(day, time(), BUSINESS_TZ).astimezone(UTC)
