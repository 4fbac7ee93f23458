"""Time windows HQ schedules (recharge rules, promotions, coupon validity).

An instant without a UTC offset is refused rather than guessed: the brand's staff work in
Asia/Shanghai while the database keeps UTC, and a silent guess would shift a promotion by 8 hours.
"""

from __future__ import annotations

from datetime import datetime

from server.core.errors import invalid


def check_window(starts_at: datetime | None, ends_at: datetime | None, *, starts_field: str, ends_field: str) -> None:
    """Both ends are optional (open-ended); given ones carry an offset and the end follows the start."""
    for value, field in ((starts_at, starts_field), (ends_at, ends_field)):
        if value is not None and value.utcoffset() is None:
            raise invalid(field, "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00.")
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise invalid(ends_field, "The end must be after the start.")


def iso(value: datetime | None) -> str | None:
    """An instant as the audit trail stores it (JSON has no datetime)."""
    return value.isoformat() if value is not None else None
