"""Segments as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from schema.context import Info
from schema.core.errors import UserError
from schema.core.nodes import ModelNode
from schema.core.pagination import total_count
from schema.member.types import Member
from server.segment import models, services


@strawberry.type(description="A saved segment (人群): a named rule over members' profile and behaviour.")
class Segment(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Unique name.")
    description: str = strawberry.field(description="What the segment is for.")
    rule: JSON = strawberry.field(
        description="The rule as saved: the shape of SegmentRuleInput, with database IDs in place of global IDs."
    )
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    model: strawberry.Private[models.Segment]

    @strawberry.field(description="How many members it selects now (only its owner's region or store for REGION/STORE segments).")
    async def member_count(self) -> int:
        return await services.count_members(services.segment_members(self.model))

    @classmethod
    def from_model(cls, row: models.Segment, info: Any = None) -> Segment:
        return cls(
            id=row.id,
            name=row.name,
            description=row.description,
            rule=row.rule,
            created_at=row.created_at,
            updated_at=row.updated_at,
            model=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return services.segments_query(info.context.actor)


@strawberry.type(description="A page of segments.")
class SegmentConnection(relay.Connection[Segment]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many segments the viewer may use (HQ: all; REGION/STORE: their own).")


@strawberry.type(description="What a rule selects now, within the viewer's members.")
class SegmentPreview:
    count: int | None = strawberry.field(default=None, description="How many members match.")
    sample: list[Member] = strawberry.field(
        default_factory=list, description="The newest matching members, masked as the viewer sees them."
    )
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why the rule is invalid, if it is.")


@strawberry.type(description="Result of a segment mutation.")
class SegmentPayload:
    segment: Segment | None = strawberry.field(default=None, description="The segment after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
