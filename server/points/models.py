"""Points lots: each earning is a lot that expires on its own date; spending takes from the lots
that expire first (FIFO). A member's points account balance = Σ remaining over their lots."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class PointsLot(Model):
    id = fields.BigIntField(primary_key=True)
    member_id = fields.IntField(db_index=True)
    operation_id = fields.BigIntField(description="The operation that earned the lot.")
    amount = fields.BigIntField()
    remaining = fields.BigIntField()
    expires_at = fields.DatetimeField(db_index=True, description="Far future for lots that never expire.")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "points_lot"
