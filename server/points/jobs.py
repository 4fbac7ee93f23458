"""Points work the worker runs: expiring lots past their date (as `tessera expire-points` does)."""

from __future__ import annotations

from server.jobs.registry import JobContext, Task
from server.points.expiry import expire_points


async def _expire(context: JobContext) -> None:
    await expire_points()


EXPIRE_POINTS = Task("points.expire", _expire, max_attempts=3, backoff=60.0)
