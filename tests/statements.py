"""The SQL statements a block runs, from tortoise's own query log (it logs each statement at DEBUG
before sending it): recorded, or just counted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class _Recorder(logging.Handler):
    def __init__(self, statements: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.statements = statements

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            self.statements.append(record.args[0])


@contextmanager
def recorded_statements() -> Iterator[list[str]]:
    """The statements run inside the block."""
    statements: list[str] = []
    logger = logging.getLogger("tortoise.db_client")
    recorder = _Recorder(statements)
    previous = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(recorder)
    try:
        yield statements
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(previous)


@dataclass
class Counted:
    statements: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.statements)


@contextmanager
def counting_queries() -> Iterator[Counted]:
    """How many statements the block runs (`.count`, read after it)."""
    with recorded_statements() as statements:
        yield Counted(statements)
