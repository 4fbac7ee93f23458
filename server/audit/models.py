"""The audit trail: one row per mutation, personal data masked before it is written."""

from __future__ import annotations

from typing import Any

from tortoise import fields
from tortoise.models import Model


class AuditEntry(Model):
    id = fields.BigIntField(primary_key=True)
    actor_id = fields.IntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    role = fields.CharField(max_length=10, default="")
    region_id = fields.IntField(null=True)
    store_id = fields.IntField(null=True)
    action = fields.CharField(max_length=64, db_index=True)
    target_type = fields.CharField(max_length=32)
    target_id = fields.CharField(max_length=64, default="")
    before: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    after: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    ip = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_entry"
        indexes = (("target_type", "target_id"),)
