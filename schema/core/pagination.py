"""Keyset pagination for Relay connections: newest first, cursors are row ids, so a page never
shifts when rows are inserted before or after it."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from strawberry import relay
from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.core.errors import invalid

MAX_PAGE = 100
DEFAULT_PAGE = 20

M = TypeVar("M", bound=Model)
N = TypeVar("N")


def encode_cursor(pk: int) -> str:
    return base64.b64encode(f"cursor:{pk}".encode()).decode()


def decode_cursor(cursor: str) -> int:
    try:
        prefix, _, pk = base64.b64decode(cursor.encode(), validate=True).decode().partition(":")
        if prefix != "cursor":
            raise ValueError(prefix)
        return int(pk)
    except ValueError as exc:
        raise invalid("after", "Not a valid cursor.") from exc


@dataclass
class Page(Generic[M]):
    rows: list[M]
    has_next: bool
    has_previous: bool


async def fetch_page(query: QuerySet[M], first: int | None, after: str | None) -> Page[M]:
    size = DEFAULT_PAGE if first is None else first
    if not 0 <= size <= MAX_PAGE:
        raise invalid("first", f"first must be between 0 and {MAX_PAGE}.")
    if after:
        query = query.filter(id__lt=decode_cursor(after))
    rows = list(await query.order_by("-id").limit(size + 1))
    return Page(rows=rows[:size], has_next=len(rows) > size, has_previous=after is not None)


def to_edges(page: Page[M], wrap: Callable[[M], N]) -> tuple[list[relay.Edge[N]], relay.PageInfo]:
    edges = [relay.Edge(cursor=encode_cursor(row.pk), node=wrap(row)) for row in page.rows]
    info = relay.PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return edges, info


def total_count(description: str) -> Any:
    """A connection's `totalCount`: one COUNT over the private `query` the connection was built
    from (the viewer's scoped, filtered rows), whatever the page."""

    async def count(root: Any) -> int:
        return int(await root.query.count())

    return strawberry.field(resolver=count, description=description)
