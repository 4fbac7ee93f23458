"""The one source of 'now', so tests and services agree on time zones (always UTC)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)
