"""The delivery log: one row per message meant for a member, whatever became of it.

    Delivery   `key` is unique: the same message (a notice for one operation, one campaign's
               message to one member) is recorded, and so sent, at most once.
               status  PENDING ─▶ SENT
                          ├────▶ FAILED   reason: the channel's last refusal, after `attempts` tries
                          └────▶ SKIPPED  reason: why it was not sent (opted out, no address, …)
               A row can also start SKIPPED (a campaign's consent or frequency cap).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model

MAX_KEY_LENGTH = 150


class Purpose(str, Enum):
    TRANSACTIONAL = "TRANSACTIONAL"
    CAMPAIGN = "CAMPAIGN"


class DeliveryStatus(str, Enum):
    PENDING = "PENDING"
    SENT = "SENT"
    SKIPPED = "SKIPPED"
    FAILED = "FAILED"


class Delivery(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=MAX_KEY_LENGTH, unique=True, description="Unique delivery key.")
    member_id = fields.IntField(db_index=True)
    purpose = fields.CharEnumField(Purpose, max_length=14)
    source = fields.CharField(max_length=64, default="", description="What asked for it, e.g. notice:CONSUME.")
    channel = fields.CharField(max_length=10, default="", description="LOG, EMAIL, SMS or WEBHOOK; empty for the best one of the member.")
    template = fields.CharField(max_length=64, default="")
    params: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    subject = fields.CharField(max_length=200, default="")
    body = fields.TextField(default="")
    status = fields.CharEnumField(DeliveryStatus, max_length=8, default=DeliveryStatus.PENDING)
    reason = fields.CharField(max_length=500, default="")
    attempts = fields.IntField(default=0)
    provider_ref = fields.CharField(max_length=200, default="", description="The id the channel gave the message.")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "delivery"
        indexes = (("member_id", "purpose", "created_at"),)
