"""Pages of upcoming birthdays and anniversaries: keyset pagination on (how soon, member id), so
a page never shifts when members are added, like every other list."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from strawberry import relay
from tortoise.expressions import Q

from schema.care.types import UpcomingOccasion, UpcomingOccasionConnection
from schema.context import Info
from schema.core.pagination import DEFAULT_PAGE, MAX_PAGE
from schema.member.types import Member
from server.care.occasions import ORDER, Occasion, next_occurrence
from server.core.errors import invalid


def _cursor(order: int, member_id: int) -> str:
    return base64.b64encode(f"occasion:{order}:{member_id}".encode()).decode()


def _decode(cursor: str) -> tuple[int, int]:
    try:
        prefix, order, member_id = base64.b64decode(cursor.encode(), validate=True).decode().split(":")
        if prefix != "occasion":
            raise ValueError(prefix)
        return int(order), int(member_id)
    except ValueError as exc:
        raise invalid("after", "Not a valid cursor.") from exc


async def occasion_page(
    info: Info, query: Any, occasion: Occasion, start: date, first: int | None, after: str | None
) -> UpcomingOccasionConnection:
    size = DEFAULT_PAGE if first is None else first
    if not 0 <= size <= MAX_PAGE:
        raise invalid("first", f"first must be between 0 and {MAX_PAGE}.")
    page = query
    if after:
        order, member_id = _decode(after)
        page = page.filter(Q(**{f"{ORDER}__gt": order}) | Q(**{ORDER: order, "id__gt": member_id}))
    rows = list(await page.order_by(ORDER, "id").limit(size + 1))
    edges = []
    for row in rows[:size]:
        day = next_occurrence(getattr(row, occasion.value), start)
        node = UpcomingOccasion(member=Member.from_model(row, info), on=day, days_away=(day - start).days)
        edges.append(relay.Edge(cursor=_cursor(getattr(row, ORDER), row.id), node=node))
    page_info = relay.PageInfo(
        has_next_page=len(rows) > size,
        has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return UpcomingOccasionConnection(edges=edges, page_info=page_info, query=query)
