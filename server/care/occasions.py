"""Upcoming birthdays and anniversaries (生日/纪念日提醒) of the members an actor may list.

The window runs from `start` (today in the business time zone unless given) through
`start + days`, both included. Each member's month and day are computed in SQL — `strftime` on
SQLite, `to_char` on PostgreSQL — as MMDD numbers, so a window that crosses the year end
(Dec 28 + 7 days) is "MMDD ≥ 1228 or MMDD ≤ 0104", and rows sort by how soon their day comes
(January after December). A member born on Feb 29 is celebrated on Feb 28 in years without one.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import Enum

from tortoise import Tortoise
from tortoise.expressions import Q, RawSQL
from tortoise.queryset import QuerySet

from server.access.policy import Actor, member_scope, require
from server.core.errors import invalid
from server.member.models import Member, MemberStatus

MAX_DAYS = 180
LEAP_DAY = 229
ORDER = "occasion_order"


class Occasion(str, Enum):
    """What is celebrated; the value is the member column that holds its date."""

    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"


def _month_day(occasion: Occasion) -> str:
    column = f'"member"."{occasion.value}"'
    if Tortoise.get_connection("default").capabilities.dialect == "postgres":
        return f"CAST(to_char({column}, 'MMDD') AS INTEGER)"
    return f"CAST(strftime('%m%d', {column}) AS INTEGER)"


def _mmdd(day: date) -> int:
    return day.month * 100 + day.day


def _leap_day_key(start: date) -> int:
    """Where Feb 29 falls in this window: Feb 29 if the next February is a leap one, else Feb 28."""
    year = start.year if start.month <= 2 else start.year + 1
    return LEAP_DAY if calendar.isleap(year) else 228


def upcoming(
    actor: Actor | None,
    occasion: Occasion,
    start: date,
    days: int,
    *,
    store_ids: list[int] | None = None,
    region_ids: list[int] | None = None,
) -> QuerySet[Member]:
    """Active members whose day falls in the window, annotated with `occasion_order` (sooner first)."""
    actor = require(actor)
    if not 0 <= days <= MAX_DAYS:
        raise invalid("days", f"Look 0-{MAX_DAYS} days ahead.")
    end = start + timedelta(days=days)
    first, last = _mmdd(start), _mmdd(end)
    raw = _month_day(occasion)
    month_day = f"(CASE WHEN {raw} = {LEAP_DAY} THEN {_leap_day_key(start)} ELSE {raw} END)"
    order = f"(CASE WHEN {month_day} >= {first} THEN {month_day} ELSE {month_day} + 1300 END)"
    query = (
        Member.filter(status=MemberStatus.ACTIVE, **{f"{occasion.value}__isnull": False}, **member_scope(actor))
        .select_related("home_store")
        .annotate(occasion_month_day=RawSQL(month_day), occasion_order=RawSQL(order))
    )
    if end.year == start.year:
        query = query.filter(occasion_month_day__gte=first, occasion_month_day__lte=last)
    else:
        query = query.filter(Q(occasion_month_day__gte=first) | Q(occasion_month_day__lte=last))
    if store_ids:
        query = query.filter(home_store_id__in=store_ids)
    if region_ids:
        query = query.filter(home_store__region_id__in=region_ids)
    return query


def next_occurrence(day: date, start: date) -> date:
    """The first day on or after `start` when `day` (a birthday, an anniversary) is celebrated."""
    for year in (start.year, start.year + 1):
        if day.month == 2 and day.day == 29 and not calendar.isleap(year):
            candidate = date(year, 2, 28)
        else:
            candidate = day.replace(year=year)
        if candidate >= start:
            return candidate
    raise AssertionError("a day recurs within a year")
