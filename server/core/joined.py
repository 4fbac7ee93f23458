"""ORM instances from hand-written SQL (one join, or one table's rows), for reads on every
payment's path.

Tortoise's `select_related` builds its query anew on every call, which costs several times the
database round trip for a three-table read. Here the statement is written once; each table's
columns are selected under `<alias>.<column>` and turned into instances the way tortoise turns
its own rows into them (`Model._init_from_db`), with the fetched relations attached as
`select_related` attaches them, so callers can't tell the difference.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from tortoise.fields.base import Field
from tortoise.fields.data import JSONField
from tortoise.models import Model

from server.core.sql import Sql, fetch, sql

M = TypeVar("M", bound=Model)


@cache
def columns(model: type[Model], alias: str) -> str:
    """The select list for all of `model`'s columns from the table aliased `alias`."""
    return ", ".join(f'{alias}."{column}" AS "{alias}.{column}"' for column in sorted(model._meta.db_fields))


def instance(model: type[M], alias: str, row: dict[str, Any]) -> M | None:
    """The `model` read from `row` under `alias`, or None where an outer join found nothing."""
    values = {column: row[f"{alias}.{column}"] for column in model._meta.db_fields}
    if values[model._meta.db_pk_column] is None:
        return None
    return model._init_from_db(**values)


@dataclass(frozen=True)
class Join:
    """A read of at most one row, written so that it can ride along another statement: its select
    list, its tables (aliased, joined among themselves), the condition that picks its row, and
    any LATERAL joins that go after it and read from its tables (their columns in the select list)."""

    columns: str
    tables: str
    on: Sql
    lateral: Sql = Sql("")

    def alone(self) -> Sql:
        return sql(f"SELECT {self.columns} FROM {self.tables}") + self.lateral + sql(" WHERE ") + self.on


def attach(owner: Model, relation: str, related: Model | None) -> None:
    """Makes `owner.<relation>` the fetched `related` (a foreign key that needs no query)."""
    object.__setattr__(owner, f"_{relation}", related)


async def select(model: type[M], where: Sql) -> list[M]:
    """`model.filter(...)` for the hot path: the rows `where` (a condition on alias `x`) selects."""
    statement = sql(f"SELECT {columns(model, 'x')} FROM {model._meta.db_table} x WHERE ") + where
    return [row for row in (instance(model, "x", r) for r in await fetch(statement)) if row is not None]


def _stored(field: Field[Any], value: Any) -> Any:
    if isinstance(field, JSONField) and value is not None:
        return field.to_db_value(value, None)
    return value.value if isinstance(value, Enum) else value


def insert(model: type[Model], **values: Any) -> Sql:
    """An INSERT of one `model` row from its field values (every column without a database
    default must be given), converted as the ORM stores them: JSON encoded, enums as their
    values. No signals run and nothing comes back — for side rows on the payment path."""
    meta = model._meta
    bound = [_stored(meta.fields_map[name], value) for name, value in values.items()]
    names = ", ".join(meta.fields_db_projection[name] for name in values)
    return sql(f"INSERT INTO {meta.db_table} ({names}) VALUES ({', '.join('?' for _ in bound)})", *bound)
