"""Managing tags (HQ) and tagging members (anyone who may manage the member)."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, require
from server.audit import services as audit
from server.core.errors import DomainError, ErrorCode, not_found
from server.core.text import clean_text
from server.member.services import get_member_in_scope
from server.tag.models import MemberTag, Tag


def _snapshot(tag: Tag) -> dict[str, object]:
    return {"name": tag.name, "color": tag.color, "description": tag.description}


async def create_tag(actor: Actor | None, name: str, color: str | None = None, description: str | None = None) -> Tag:
    require(actor, Permission.MANAGE_TAGS)
    name = clean_text(name, "name", max_length=50, required=True)
    try:
        async with in_transaction():
            tag = await Tag.create(
                name=name,
                color=clean_text(color, "color", max_length=16),
                description=clean_text(description, "description", max_length=255),
            )
            await audit.record(actor, "tag.create", "Tag", tag.id, None, _snapshot(tag))
    except IntegrityError as exc:
        raise DomainError(ErrorCode.DUPLICATE, f"Tag {name} exists.", "name") from exc
    return tag


async def delete_tag(actor: Actor | None, tag_id: int) -> None:
    require(actor, Permission.MANAGE_TAGS)
    async with in_transaction():
        tag = await Tag.get_or_none(id=tag_id)
        if tag is None:
            raise not_found("Tag", "id")
        before = _snapshot(tag)
        await tag.delete()
        await audit.record(actor, "tag.delete", "Tag", tag_id, before, None)


async def _manual_tag(tag_id: int) -> Tag:
    """The tag, unless it is missing (NOT_FOUND) or automatic (AUTOMATIC_TAG: its segment decides)."""
    tag = await Tag.get_or_none(id=tag_id)
    if tag is None:
        raise not_found("Tag", "tagId")
    if tag.segment_id is not None:
        raise DomainError(ErrorCode.AUTOMATIC_TAG, f"Tag {tag.name} follows a segment: change the segment instead.", "tagId")
    return tag


async def tag_member(actor: Actor | None, member_id: int, tag_id: int) -> None:
    """Idempotent: tagging twice leaves one link and one audit entry."""
    actor = require(actor, Permission.TAG_MEMBERS)
    await get_member_in_scope(actor, member_id)
    await _manual_tag(tag_id)
    async with in_transaction():
        _, created = await MemberTag.get_or_create(member_id=member_id, tag_id=tag_id)
        if created:
            await audit.record(actor, "member.tag", "Member", member_id, None, {"tag_id": tag_id})


async def untag_member(actor: Actor | None, member_id: int, tag_id: int) -> None:
    actor = require(actor, Permission.TAG_MEMBERS)
    await get_member_in_scope(actor, member_id)
    await _manual_tag(tag_id)
    async with in_transaction():
        removed = await MemberTag.filter(member_id=member_id, tag_id=tag_id).delete()
        if removed:
            await audit.record(actor, "member.untag", "Member", member_id, {"tag_id": tag_id}, None)
