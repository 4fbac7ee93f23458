"""The loyalty programme HQ configures: money and points settings, recharge bonuses, earn rules."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class ProgramSettings(Model):
    """One row: the brand-wide settings (created with defaults on first read)."""

    id = fields.IntField(primary_key=True)
    max_amount = fields.BigIntField(default=10_000_000, description="Largest single amount accepted, fen.")
    points_per_yuan_offset = fields.IntField(default=100, description="Points worth 1.00 when paying with points.")
    points_expiry_months = fields.IntField(default=24, description="Months until earned points expire; 0 = never.")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "program_settings"


class RechargeRule(Model):
    """Pay at least `min_amount`, get `bonus_amount` into the bonus bucket (the best rule applies)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50)
    min_amount = fields.BigIntField()
    bonus_amount = fields.BigIntField()
    store_id = fields.IntField(null=True, description="Only at this store; null = every store.")
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "recharge_rule"


class EarnRule(Model):
    """Points per yuan paid at a store (null store = the brand default), before tier multipliers."""

    id = fields.IntField(primary_key=True)
    store_id = fields.IntField(null=True, unique=True)
    points_per_yuan = fields.IntField(default=1)
    promotion_multiplier_pct = fields.IntField(default=100, description="×100; applies between the dates.")
    promotion_starts_at = fields.DatetimeField(null=True)
    promotion_ends_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "earn_rule"
