"""Tags as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from server.segment.services import segments_query
from server.tag import models

if TYPE_CHECKING:
    from schema.segment.types import Segment


@strawberry.type(description="A tag (标签) that can be put on members.")
class Tag(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Unique name.")
    color: str = strawberry.field(description="Display colour, e.g. #ff8800.")
    description: str = strawberry.field(description="What the tag means.")
    automatic: bool = strawberry.field(
        description="Whether the tag follows a segment: refreshed hourly to the segment's members, never put on or taken off by hand."
    )
    refreshed_at: datetime | None = strawberry.field(description="When an automatic tag's members were last refreshed.")
    segment_id: strawberry.Private[int | None]

    @strawberry.field(description="The segment an automatic tag follows; null for manual tags and segments the viewer may not use.")
    async def segment(self, info: Info) -> Annotated[Segment, strawberry.lazy("schema.segment.types")] | None:
        from schema.segment.types import Segment

        if self.segment_id is None or info.context.actor is None:
            return None
        row = await segments_query(info.context.actor).get_or_none(id=self.segment_id)
        return Segment.from_model(row) if row else None

    @classmethod
    def from_model(cls, row: models.Tag, info: Any = None) -> Tag:
        return cls(
            id=row.id,
            name=row.name,
            color=row.color,
            description=row.description,
            automatic=row.segment_id is not None,
            refreshed_at=row.refreshed_at,
            segment_id=row.segment_id,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Tag.all()
