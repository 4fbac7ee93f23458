"""Staff accounts and their login sessions."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class Role(str, Enum):
    HQ = "HQ"
    REGION = "REGION"
    STORE = "STORE"


class Staff(Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=100, default="")
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=10)
    region = fields.ForeignKeyField("models.Region", null=True, related_name="staff", on_delete=fields.RESTRICT)
    region_id: int | None
    store = fields.ForeignKeyField("models.Store", null=True, related_name="staff", on_delete=fields.RESTRICT)
    store_id: int | None
    is_active = fields.BooleanField(default=True)
    grants: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    withholds: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    failed_logins = fields.IntField(default=0)
    locked_until = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "staff"


class StaffSession(Model):
    """An opaque bearer token, stored only as its SHA-256 (tokens are 256-bit random)."""

    id = fields.IntField(primary_key=True)
    token_hash = fields.CharField(max_length=64, unique=True)
    staff: fields.ForeignKeyRelation[Staff] = fields.ForeignKeyField(
        "models.Staff", related_name="sessions", on_delete=fields.CASCADE
    )
    staff_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=64, default="")

    class Meta:
        table = "staff_session"
