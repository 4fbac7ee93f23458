"""Model-backed Relay nodes: `node(id)` fetches through each type's scoped query."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Self

from strawberry import relay
from tortoise.models import Model
from tortoise.queryset import QuerySet

from server.access.policy import require


class ModelNode(relay.Node):
    """Base for types backed by one ORM row.

    Subclasses set `scoped_query(info)` (the rows a viewer may fetch: others resolve to null)
    and `from_model(row, info)`.
    """

    scoped_query: ClassVar[Any]
    from_model: ClassVar[Any]

    @classmethod
    async def resolve_nodes(
        cls, *, info: Any, node_ids: Iterable[str], required: bool = False
    ) -> list[Self | None]:
        require(info.context.actor)
        keys = list(node_ids)
        if not all(k.isdigit() for k in keys):
            return [None for _ in keys]
        ids = [int(k) for k in keys]
        query: QuerySet[Any] = cls.scoped_query(info)
        rows: dict[int, Model] = {r.pk: r for r in await query.filter(id__in=ids)}
        return [cls.from_model(rows[i], info) if i in rows else None for i in ids]
