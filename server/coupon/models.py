"""Coupons: templates HQ defines, and the instances issued to members."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class CouponKind(str, Enum):
    CASH_OFF = "CASH_OFF"
    PERCENT_OFF = "PERCENT_OFF"
    GIFT = "GIFT"


class CouponStatus(str, Enum):
    ISSUED = "ISSUED"
    USED = "USED"
    EXPIRED = "EXPIRED"
    VOID = "VOID"


class CouponTemplate(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50)
    kind = fields.CharEnumField(CouponKind, max_length=12)
    value = fields.BigIntField(description="CASH_OFF: fen off; PERCENT_OFF: percent off (1-99); GIFT: 0.")
    threshold = fields.BigIntField(default=0, description="Minimum order (after tier discount), fen.")
    valid_from = fields.DatetimeField(null=True)
    valid_to = fields.DatetimeField(null=True)
    valid_days = fields.IntField(null=True, description="Valid N days from issue, instead of fixed dates.")
    store_ids: list[int] = fields.JSONField(default=list)  # type: ignore[assignment]
    quantity = fields.IntField(null=True, description="Total that may be issued; null = unlimited.")
    issued_count = fields.IntField(default=0)
    per_member_limit = fields.IntField(default=1)
    stackable = fields.BooleanField(default=False)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "coupon_template"


class Coupon(Model):
    id = fields.BigIntField(primary_key=True)
    code = fields.CharField(max_length=32, unique=True)
    template: fields.ForeignKeyRelation[CouponTemplate] = fields.ForeignKeyField(
        "models.CouponTemplate", related_name="coupons", on_delete=fields.RESTRICT
    )
    template_id: int
    member_id = fields.IntField(db_index=True)
    status = fields.CharEnumField(CouponStatus, max_length=8, default=CouponStatus.ISSUED)
    valid_from = fields.DatetimeField()
    valid_to = fields.DatetimeField()
    issued_at = fields.DatetimeField(auto_now_add=True)
    used_at = fields.DatetimeField(null=True)
    used_operation_id = fields.BigIntField(null=True)

    class Meta:
        table = "coupon"
