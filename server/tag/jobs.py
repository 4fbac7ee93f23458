"""Tag work the worker runs: the hourly refresh of automatic tags."""

from __future__ import annotations

from server.jobs.registry import JobContext, Task
from server.tag.automatic import refresh_automatic_tags


async def _refresh(context: JobContext) -> None:
    await refresh_automatic_tags(context.started_at)


REFRESH_TAGS = Task("tag.refresh", _refresh, max_attempts=3, backoff=120.0, timeout=3600.0)
