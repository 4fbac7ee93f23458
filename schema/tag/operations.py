"""Tags: everyone signed in may read them; HQ manages them (tagging members is in member/)."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id
from schema.core.payloads import DeletePayload
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.tag.types import Tag
from server.access.policy import Permission
from server.tag import automatic, models, services


@strawberry.type(description="Result of a tag mutation.")
class TagPayload:
    tag: Tag | None = strawberry.field(default=None, description="The tag after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type
class TagQuery:
    @strawberry.field(description="All tags, by name.", permission_classes=[IsAuthenticated])
    async def tags(self) -> list[Tag]:
        return [Tag.from_model(t) for t in await models.Tag.all().order_by("name")]


@strawberry.type
class TagMutation:
    @payload_mutation(description="Creates a tag.", requires=Permission.MANAGE_TAGS)
    async def create_tag(
        self, info: Info, name: str, color: str | None = None, description: str | None = None
    ) -> TagPayload:
        return TagPayload(tag=Tag.from_model(await services.create_tag(info.context.actor, name, color, description)))

    @payload_mutation(description="Deletes a tag and takes it off every member.", requires=Permission.MANAGE_TAGS)
    async def delete_tag(self, info: Info, id: relay.GlobalID) -> DeletePayload:  # noqa: A002
        await services.delete_tag(info.context.actor, decode_id(id, "Tag"))
        return DeletePayload(deleted_id=id)

    @payload_mutation(
        description="Binds a tag to a segment, making it automatic: its members become the segment's now and at every "
        "hourly refresh. A null segment unbinds it: the tag turns manual and keeps its members.",
        requires=Permission.MANAGE_TAGS,
    )
    async def bind_tag(self, info: Info, tag_id: relay.GlobalID, segment_id: relay.GlobalID | None) -> TagPayload:
        segment = decode_id(segment_id, "Segment", "segmentId") if segment_id is not None else None
        tag = await automatic.bind_tag(info.context.actor, decode_id(tag_id, "Tag", "tagId"), segment)
        return TagPayload(tag=Tag.from_model(tag))
