"""A tiny SQL builder for hand-written statements: text with `?` placeholders and its bound values.

Values never enter the text; only code-owned identifiers and keywords do, so the only `?` in a
`Sql` text are placeholders. `render()` turns them into the dialect's own ($1, $2… on PostgreSQL),
starting at any number so a fragment can sit inside a larger statement as a subquery.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from tortoise import Tortoise
from tortoise.backends.base.client import BaseDBAsyncClient


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[Any, ...] = ()

    def __add__(self, other: Sql) -> Sql:
        return Sql(self.text + other.text, self.params + other.params)

    def render(self, dialect: str, start: int = 1) -> tuple[str, list[Any]]:
        """(statement, parameters) for `dialect`; PostgreSQL placeholders are numbered from `start`."""
        if dialect != "postgres":
            return self.text, list(self.params)
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
