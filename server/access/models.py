"""Staff accounts and their login sessions."""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class Role(str, Enum):
    HQ = "HQ"
    REGION = "REGION"
    STORE = "STORE"


class StaffKind(str, Enum):
    PERSON = "PERSON"
    API_CLIENT = "API_CLIENT"


class Staff(Model):
    """A person who signs in, or the identity a partner app's API client acts as (never signs in)."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=100, default="")
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=10)
    region = fields.ForeignKeyField("models.Region", null=True, related_name="staff", on_delete=fields.RESTRICT)
    region_id: int | None
    store = fields.ForeignKeyField("models.Store", null=True, related_name="staff", on_delete=fields.RESTRICT)
    store_id: int | None
    kind = fields.CharEnumField(StaffKind, max_length=12, default=StaffKind.PERSON, db_default="PERSON")
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


class ApiClient(Model):
    """A partner app's access: its identity (role, scope, permissions) and its current key, which is
    a session of that identity (see `server.access.api_clients`)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    staff: fields.OneToOneRelation[Staff] = fields.OneToOneField(
        "models.Staff", related_name="api_client", on_delete=fields.RESTRICT
    )
    staff_id: int
    # Indexed, not unique: every request with a key joins on it (`server.access.sessions`), and one
    # UNIQUE beside the staff's makes SQLite name its two automatic indexes in no fixed order.
    session: fields.ForeignKeyRelation[StaffSession] = fields.ForeignKeyField(
        "models.StaffSession", related_name="api_clients", on_delete=fields.RESTRICT, db_index=True
    )
    session_id: int
    key_prefix = fields.CharField(max_length=16)
    allowed_fields: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    rate_limit_per_minute = fields.IntField()
    created_by = fields.ForeignKeyField("models.Staff", related_name="api_clients_created", on_delete=fields.RESTRICT)
    created_by_id: int
    created_at = fields.DatetimeField(auto_now_add=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_client"
