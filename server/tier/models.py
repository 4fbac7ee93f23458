"""Member tiers (会员等级): ordered levels with their benefits."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Tier(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    rank = fields.IntField(unique=True, description="Higher is better; ordering key.")
    discount_percent = fields.IntField(default=100, description="Share of list price paid, 1-100.")
    points_multiplier_pct = fields.IntField(default=100, description="Earn multiplier ×100.")
    perks: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tier"
        ordering = ["rank"]
