"""Automatic tags: a tag bound to a segment carries exactly the segment's members.

`refresh_tag` brings one tag's links in line with its segment in two set-based statements — delete
the links of members the segment no longer selects, insert links for the ones it newly selects
(`ON CONFLICT DO NOTHING` on the unique member and tag) — so a rerun changes nothing and existing
links keep their `created_at`. The hourly job refreshes every bound tag; unbinding a tag stops its
refresh and leaves its members tagged, as a manual tag.
"""

from __future__ import annotations

from datetime import datetime

from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.clock import now
from server.core.errors import not_found
from server.segment.services import get_segment_in_scope, segment_members
from server.core.sql import execute, sql
from server.tag.models import Tag


async def refresh_tag(tag: Tag, at: datetime | None = None) -> None:
    """Makes the tag's members the members its segment selects at `at` (default now)."""
    if tag.segment_id is None:
        return
    moment = at or now()
    segment = await tag.segment
    selection = segment_members(segment, moment)
    async with in_transaction():
        await execute(
            sql("DELETE FROM member_tag WHERE tag_id = ? AND NOT EXISTS (SELECT 1 FROM member m WHERE m.id = member_tag.member_id AND ", tag.id)
            + selection.where
            + sql(")")
        )
        await execute(
            sql("INSERT INTO member_tag (member_id, tag_id, created_at) SELECT m.id, ?, ? FROM member m WHERE ", tag.id, moment)
            + selection.where
            + sql(" ON CONFLICT DO NOTHING")
        )
        await Tag.filter(id=tag.id).update(refreshed_at=moment)


async def refresh_automatic_tags(at: datetime | None = None) -> int:
    """Refreshes every automatic tag (one transaction each); how many there were."""
    tags = await Tag.filter(segment_id__isnull=False).order_by("id")
    for tag in tags:
        await refresh_tag(tag, at)
    return len(tags)


async def bind_tag(actor: Actor | None, tag_id: int, segment_id: int | None) -> Tag:
    """Binds a tag to a segment the actor may use and refreshes its members now, or unbinds it
    (`segment_id` None: the tag turns manual and keeps its members)."""
    actor = require(actor, Permission.MANAGE_TAGS)
    if segment_id is not None:
        await get_segment_in_scope(actor, segment_id, "segmentId")
    async with in_transaction():
        tag = await Tag.get_or_none(id=tag_id)
        if tag is None:
            raise not_found("Tag", "tagId")
        before = {"segment_id": tag.segment_id}
        tag.segment_id = segment_id
        await tag.save(update_fields=["segment_id"])
        await audit.record(actor, "tag.bind", "Tag", tag.id, before, {"segment_id": segment_id})
    await refresh_tag(tag)
    return await Tag.get(id=tag.id)
