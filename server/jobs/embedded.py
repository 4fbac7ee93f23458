"""The worker inside `tessera serve` (SQLite deployments, TESSERA_WORKER_IN_SERVER): started and
stopped with the application; a stop lets the job at hand finish."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from server.channels import registry as channels
from server.config import Settings
from server.jobs.catalog import REGISTRY
from server.jobs.runner import Worker


@asynccontextmanager
async def worker_in_server(settings: Settings) -> AsyncIterator[Worker | None]:
    if not settings.worker_in_server:
        yield None
        return
    channels.configure(settings.channels)
    worker = Worker(REGISTRY)
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop), name="tessera-worker")
    try:
        yield worker
    finally:
        stop.set()
        await task
