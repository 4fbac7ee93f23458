"""Captures everything logged — structlog and the standard library alike — as production JSON lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from server.logging import configure_logging


@dataclass
class CapturedLogs:
    stream: io.StringIO = field(default_factory=io.StringIO)

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    @property
    def records(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.text.splitlines()]

    def at(self, level: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r["level"] == level]


@contextmanager
def captured_logs(level: int = logging.DEBUG) -> Iterator[CapturedLogs]:
    captured = CapturedLogs()
    configure_logging(production=True, level=level, stream=captured.stream)
    yield captured
