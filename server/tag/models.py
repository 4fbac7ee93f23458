"""Tags (标签) and their assignment to members."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Tag(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    color = fields.CharField(max_length=16, default="")
    description = fields.CharField(max_length=255, default="")
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
