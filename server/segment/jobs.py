"""Segment work the worker runs: the daily RFM and value scoring (also `tessera worker --once`)."""

from __future__ import annotations

from server.jobs.registry import JobContext, Task
from server.segment.rfm import refresh_member_values


async def _score(context: JobContext) -> None:
    await refresh_member_values(context.started_at)


SCORE_VALUES = Task("segment.rfm", _score, max_attempts=3, backoff=300.0, timeout=3600.0)
