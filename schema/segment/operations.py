"""Segments: preview a rule, list and manage saved segments (MANAGE_SEGMENTS; REGION and STORE
staff within their own region or store)."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.pagination import fetch_page, to_edges
from schema.core.payloads import DeletePayload
from schema.core.permissions import IsAuthenticated, PayloadErrors, Requires, payload_mutation
from schema.member.types import Member
from schema.segment.inputs import SegmentRuleInput
from schema.segment.types import Segment, SegmentConnection, SegmentPayload, SegmentPreview
from server.access.policy import Permission
from server.segment import services


@strawberry.input(description="A new segment.")
class CreateSegmentInput:
    name: str = strawberry.field(description="Unique name.")
    rule: SegmentRuleInput = strawberry.field(description="Who belongs to it.")
    description: str = strawberry.field(default="", description="What it is for.")


@strawberry.input(description="Changes to a segment; fields left out stay as they are.")
class UpdateSegmentInput:
    name: str | None = strawberry.field(default=None, description="New name.")
    rule: SegmentRuleInput | None = strawberry.field(default=None, description="New rule.")
    description: str | None = strawberry.field(default=None, description="New description.")


@strawberry.type
class SegmentQuery:
    @strawberry.field(
        description="Saved segments the viewer may use (HQ: all; REGION/STORE: their own), newest first.",
        permission_classes=[IsAuthenticated, Requires(Permission.MANAGE_SEGMENTS)],
    )
    async def segments(self, info: Info, first: int | None = None, after: str | None = None) -> SegmentConnection | None:
        query = services.segments_query(info.context.actor)
        edges, page_info = to_edges(await fetch_page(query, first, after), Segment.from_model)
        return SegmentConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(
        description="Counts the viewer's members a rule selects now and shows the newest few. Requires MANAGE_SEGMENTS.",
        extensions=[PayloadErrors(Permission.MANAGE_SEGMENTS, authenticated=True)],
    )
    async def preview_segment(self, info: Info, rule: SegmentRuleInput, sample_size: int = 10) -> SegmentPreview:
        result = await services.preview(info.context.actor, rule.to_rule(["rule"]), sample_size)
        return SegmentPreview(count=result.count, sample=[Member.from_model(m, info) for m in result.sample])


@strawberry.type
class SegmentMutation:
    @payload_mutation(description="Saves a segment.", requires=Permission.MANAGE_SEGMENTS)
    async def create_segment(self, info: Info, input: CreateSegmentInput) -> SegmentPayload:  # noqa: A002
        segment = await services.create_segment(
            info.context.actor, input.name, input.rule.to_rule(["rule"]), input.description
        )
        return SegmentPayload(segment=Segment.from_model(segment))

    @payload_mutation(description="Changes a segment.", requires=Permission.MANAGE_SEGMENTS)
    async def update_segment(self, info: Info, id: relay.GlobalID, input: UpdateSegmentInput) -> SegmentPayload:  # noqa: A002
        segment = await services.update_segment(
            info.context.actor,
            decode_id(id, "Segment"),
            name=input.name,
            rule=input.rule.to_rule(["rule"]) if input.rule else None,
            description=input.description,
        )
        return SegmentPayload(segment=Segment.from_model(segment))

    @payload_mutation(description="Deletes a segment.", requires=Permission.MANAGE_SEGMENTS)
    async def delete_segment(self, info: Info, id: relay.GlobalID) -> DeletePayload:  # noqa: A002
        await services.delete_segment(info.context.actor, decode_id(id, "Segment"))
        return DeletePayload(deleted_id=id)
