"""Tags (标签) and their assignment to members.

A tag bound to a segment is automatic: the refresh job (`server.tag.automatic`) makes its members
exactly the segment's, and staff can't put it on or take it off members by hand.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Tag(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    color = fields.CharField(max_length=16, default="")
    description = fields.CharField(max_length=255, default="")
    segment = fields.ForeignKeyField(
        "models.Segment", null=True, related_name="tags", on_delete=fields.SET_NULL,
        description="Automatic tags: the segment whose members carry the tag.",
    )
    segment_id: int | None
    refreshed_at = fields.DatetimeField(null=True, description="When an automatic tag's members were last refreshed.")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tag"
        ordering = ["name"]


class MemberTag(Model):
    id = fields.IntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name="tag_links", on_delete=fields.CASCADE)
    member_id: int
    tag: fields.ForeignKeyRelation[Tag] = fields.ForeignKeyField(
        "models.Tag", related_name="member_links", on_delete=fields.CASCADE
    )
    tag_id: int
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "member_tag"
        unique_together = (("member", "tag"),)
