"""Recording the SQL statements tortoise sends, so a test can say how many queries a call makes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Recorder(logging.Handler):
    def __init__(self, statements: list[str]) -> None:
        super().__init__(logging.DEBUG)
        self.statements = statements

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.args, tuple) and record.args and isinstance(record.args[0], str):
            self.statements.append(record.args[0])


@contextmanager
def recorded_statements() -> Iterator[list[str]]:
    """The statements run inside the block (tortoise logs each one at DEBUG before sending it)."""
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
