"""Saved segments and the per-member value scores (RFM, CLV) that segments can select on."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Segment(Model):
    """A saved rule. Its region and store bound it to its owner's members: a segment made by REGION
    staff only ever selects that region's members, one made at a store only that store's."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True)
    description = fields.CharField(max_length=255, default="")
    rule: dict[str, Any] = fields.JSONField()  # type: ignore[assignment]
    region = fields.ForeignKeyField("models.Region", null=True, related_name="segments", on_delete=fields.RESTRICT)
    region_id: int | None
    store = fields.ForeignKeyField("models.Store", null=True, related_name="segments", on_delete=fields.RESTRICT)
    store_id: int | None
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "segment"


class RfmGroup(str, Enum):
    """RFM groups by whether recency (R), frequency (F) and monetary (M) scores are high (≥ 3)."""

    IMPORTANT_VALUE = "IMPORTANT_VALUE"  # 重要价值 R↑ F↑ M↑
    IMPORTANT_KEEP = "IMPORTANT_KEEP"  # 重要保持 R↓ F↑ M↑
    IMPORTANT_DEVELOP = "IMPORTANT_DEVELOP"  # 重要发展 R↑ F↓ M↑
    IMPORTANT_RETAIN = "IMPORTANT_RETAIN"  # 重要挽留 R↓ F↓ M↑
    GENERAL_VALUE = "GENERAL_VALUE"  # 一般价值 R↑ F↑ M↓
    GENERAL_KEEP = "GENERAL_KEEP"  # 一般保持 R↓ F↑ M↓
    GENERAL_DEVELOP = "GENERAL_DEVELOP"  # 一般发展 R↑ F↓ M↓
    GENERAL_RETAIN = "GENERAL_RETAIN"  # 一般挽留 R↓ F↓ M↓


class MemberValue(Model):
    """One row per member with purchases in the window, rewritten by the RFM job."""

    member_id = fields.IntField(primary_key=True, generated=False)
    recency_days = fields.IntField(description="Days since the last purchase in the window.")
    frequency = fields.IntField(description="Purchases in the window.")
    monetary = fields.BigIntField(description="Net spend in the window, fen.")
    r_score = fields.SmallIntField()
    f_score = fields.SmallIntField()
    m_score = fields.SmallIntField()
    rfm_group = fields.CharEnumField(RfmGroup, max_length=20, db_index=True)
    clv = fields.BigIntField(description="Customer lifetime value estimate, fen.")
    computed_at = fields.DatetimeField()

    class Meta:
        table = "member_value"
