"""Members (会员). The phone is stored encrypted, with a blind index and its last four digits."""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model


class Gender(str, Enum):
    UNKNOWN = "UNKNOWN"
    MALE = "MALE"
    FEMALE = "FEMALE"


class Channel(str, Enum):
    STORE = "STORE"
    WEB = "WEB"
    CALL_CENTER = "CALL_CENTER"
    IMPORT = "IMPORT"
    MINI_PROGRAM = "MINI_PROGRAM"


class MemberStatus(str, Enum):
    ACTIVE = "ACTIVE"
    DEACTIVATED = "DEACTIVATED"
    ANONYMIZED = "ANONYMIZED"


class Member(Model):
    id = fields.IntField(primary_key=True)
    member_no = fields.CharField(max_length=20, unique=True)
    name = fields.CharField(max_length=100)
    phone_encrypted = fields.CharField(max_length=255)
    phone_index = fields.CharField(max_length=64, unique=True)
    phone_suffix = fields.CharField(max_length=4, db_index=True)
    gender = fields.CharEnumField(Gender, max_length=10, default=Gender.UNKNOWN)
    birthday = fields.DateField(null=True)
    anniversary = fields.DateField(null=True)
    email = fields.CharField(max_length=254, default="")
    home_store = fields.ForeignKeyField("models.Store", related_name="members", on_delete=fields.RESTRICT)
    home_store_id: int
    channel = fields.CharEnumField(Channel, max_length=16, default=Channel.STORE)
    referrer = fields.ForeignKeyField("models.Member", null=True, related_name="referrals", on_delete=fields.SET_NULL)
    referrer_id: int | None
    marketing_consent = fields.BooleanField(default=False)
    consent_at = fields.DatetimeField(null=True)
    attributes: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    status = fields.CharEnumField(MemberStatus, max_length=12, default=MemberStatus.ACTIVE)
    tier = fields.ForeignKeyField("models.Tier", null=True, related_name="members", on_delete=fields.RESTRICT)
    tier_id: int | None
    total_spend = fields.BigIntField(default=0, description="Fen.")
    visit_count = fields.IntField(default=0)
    first_purchase_at = fields.DatetimeField(null=True)
    last_purchase_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "member"
