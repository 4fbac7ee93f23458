"""Job fixtures: a clock tests move by hand, and tasks that record what they were asked to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from server.jobs.registry import JobContext

START = datetime(2030, 1, 7, 8, 0, 0, tzinfo=UTC)  # later than any real "now": jobs queued for now are due


@dataclass
class Clock:
    at: datetime = START

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)


@dataclass
class Recorder:
    """A handler that records each run (key, attempt) and fails its first `failures` attempts."""

    failures: int = 0
    runs: list[tuple[str, int]] = field(default_factory=list)

    async def __call__(self, context: JobContext) -> None:
        self.runs.append((context.key, context.attempt))
        if context.attempt <= self.failures:
            raise RuntimeError(f"boom {context.attempt}")


@pytest.fixture
def clock() -> Clock:
    return Clock()
