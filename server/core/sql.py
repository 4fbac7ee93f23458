"""A tiny SQL builder for hand-written statements: text with `?` placeholders and its bound values.

Values never enter the text; only code-owned identifiers and keywords do, so the only `?` in a
`Sql` text are placeholders. `render()` turns them into the dialect's own ($1, $2… on PostgreSQL),
starting at any number so a fragment can sit inside a larger statement as a subquery.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import OperationalError


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[Any, ...] = ()

    def __add__(self, other: Sql) -> Sql:
        return Sql(self.text + other.text, self.params + other.params)

    def render(self, dialect: str, start: int = 1) -> tuple[str, list[Any]]:
        """(statement, parameters) for `dialect`; PostgreSQL placeholders are numbered from `start`.

        SQLite keeps datetimes as text, compared as text: aware ones are bound in UTC, as the ORM
        stores them (a +08:00 bound would compare wrongly)."""
        if dialect != "postgres":
            return self.text, [p.astimezone(UTC) if isinstance(p, datetime) and p.tzinfo else p for p in self.params]
        pieces = self.text.split("?")
        numbered = [pieces[0]]
        for n, piece in enumerate(pieces[1:], start=start):
            numbered.append(f"${n}{piece}")
        return "".join(numbered), list(self.params)


def sql(text: str, *params: Any) -> Sql:
    if text.count("?") != len(params):
        raise ValueError(f"{text.count('?')} placeholders for {len(params)} values in {text!r}")
    return Sql(text, tuple(params))


def values(items: Sequence[Any]) -> Sql:
    """A parenthesised list of placeholders for `items`: (?, ?, ?)."""
    return sql(f"({', '.join('?' for _ in items)})", *items)


def join(separator: str, parts: Iterable[Sql]) -> Sql:
    """The parts joined by `separator` (" AND ", " OR ") in parentheses."""
    items = list(parts)
    text = separator.join(p.text for p in items)
    return Sql(f"({text})", tuple(v for p in items for v in p.params))


def current_dialect() -> str:
    return str(Tortoise.get_connection("default").capabilities.dialect)


async def fetch(statement: Sql, using: BaseDBAsyncClient | None = None) -> list[dict[str, Any]]:
    """Runs `statement` on `using`, else the default connection (inside the current transaction,
    if any)."""
    conn = using or Tortoise.get_connection("default")
    text, params = statement.render(str(conn.capabilities.dialect))
    return list(await conn.execute_query_dict(text, params))


async def fetch_one(statement: Sql) -> dict[str, Any] | None:
    """The first row of `statement`, or None."""
    rows = await fetch(statement)
    return rows[0] if rows else None


async def execute(statement: Sql, using: BaseDBAsyncClient | None = None) -> int:
    """Runs a write statement (on `using`, like `fetch`); returns the number of rows it touched."""
    conn = using or Tortoise.get_connection("default")
    text, params = statement.render(str(conn.capabilities.dialect))
    count, _ = await conn.execute_query(text, params)
    return int(count)


class StaleWrite(Exception):
    """An `at_once()` block's checked write did not touch the rows it expected (they changed since
    they were read): the block's statement failed as a whole and wrote nothing."""


@dataclass
class _Writes:
    statements: list[Sql] = field(default_factory=list)
    checks: list[tuple[int, int]] = field(default_factory=list)
    at_once: bool = False


_deferred: ContextVar[_Writes | None] = ContextVar("tessera_deferred_writes", default=None)


async def defer(statement: Sql, using: BaseDBAsyncClient | None = None) -> None:
    """Runs a write whose outcome its caller does not need (no rows back, no count checked): at the
    end of the enclosing `deferring_writes()` or `at_once()` block, or at once (on `using`) outside
    one."""
    pending = _deferred.get()
    if pending is None:
        await execute(statement, using)
    else:
        pending.statements.append(statement)


def defer_checked(statement: Sql, rows: int) -> None:
    """A write for the enclosing `at_once()` block that must return `rows` rows (its RETURNING list:
    one per row it touched), or the whole block writes nothing and raises StaleWrite."""
    pending = _deferred.get()
    if pending is None or not pending.at_once:
        raise RuntimeError("defer_checked() belongs in an at_once() block")
    pending.checks.append((len(pending.statements), rows))
    pending.statements.append(statement)


def _with_queries(writes: list[Sql], last: Sql) -> Sql:
    """`writes` as the data-modifying WITH queries w0, w1… of one statement ending in `last`."""
    heads = [sql(f"w{n} AS (") + write + sql(")") for n, write in enumerate(writes)]
    together = Sql("WITH " + ", ".join(h.text for h in heads) + " ", tuple(v for h in heads for v in h.params))
    return together + last


@asynccontextmanager
async def _holding(writes: _Writes) -> AsyncIterator[_Writes]:
    token = _deferred.set(writes)
    try:
        yield writes
    finally:
        _deferred.reset(token)


@asynccontextmanager
async def deferring_writes() -> AsyncIterator[None]:
    """Holds back the writes `defer()`red inside the block and sends them, in order, when it ends
    without an error — on PostgreSQL as one statement (each write a data-modifying WITH query), so
    a payment's side rows (transfers, jobs, points lot, audit entry) cost one round trip.

    Deferred writes must not depend on each other or be read back inside the block: PostgreSQL runs
    the WITH queries of one statement on one snapshot, and a deferred row exists only once the
    block ends. Use it inside the transaction the writes belong to."""
    async with _holding(_Writes()) as writes:
        yield
    pending = writes.statements
    if len(pending) > 1 and current_dialect() == "postgres":
        pending = [_with_queries(pending[:-1], pending[-1])]
    for write in pending:
        await execute(write)


@asynccontextmanager
async def at_once() -> AsyncIterator[None]:
    """PostgreSQL only, outside a transaction: holds back the block's writes (`defer`,
    `defer_checked`) and sends them when it ends as one statement, which PostgreSQL runs atomically
    on its own — a payment's whole transaction in one round trip instead of BEGIN, its statements
    and COMMIT. Reads inside the block see the database as it was before it.

    The statement fails as a whole (StaleWrite) unless every checked write touched as many rows as
    it said: its last query divides by whether they all did. (Plain SQL has no way to raise an
    error, and a division by a false condition can't be folded away as a constant.)"""
    if current_dialect() != "postgres":
        raise RuntimeError("at_once() needs PostgreSQL")
    async with _holding(_Writes(at_once=True)) as writes:
        yield
    counted = [sql(f"(SELECT count(*) FROM w{index}) = ?", rows) for index, rows in writes.checks]
    check = sql("SELECT 1 / CAST(") + (join(" AND ", counted) if counted else sql("TRUE")) + sql(" AS INT) AS ok")
    try:
        await fetch(_with_queries(writes.statements, check))
    except OperationalError as exc:
        if isinstance(exc.__cause__, asyncpg.DivisionByZeroError):
            raise StaleWrite from exc
        raise
