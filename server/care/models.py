"""Care and service (关怀与服务): follow-up visits (回访) and member feedback with its workflow.

    FollowUp        one contact with a member: who, when, how, what came of it, when to call again;
                    `is_latest` marks the member's most recently recorded follow-up, whose
                    `next_follow_up_on` is the one still due (recording another one settles it)
    Feedback        feedback, a complaint or a suggestion from a member, with a status
    FeedbackEvent   every status change (and the opening), with who, when and a comment

Birthdays and anniversaries have no table: they are read from `member` (`server.care.occasions`).
"""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model


class ContactChannel(str, Enum):
    PHONE = "PHONE"
    WECHAT = "WECHAT"
    IN_STORE = "IN_STORE"
    SMS = "SMS"
    OTHER = "OTHER"


class FollowUpOutcome(str, Enum):
    REACHED = "REACHED"
    NO_ANSWER = "NO_ANSWER"
    CALLBACK_REQUESTED = "CALLBACK_REQUESTED"
    DECLINED = "DECLINED"
    OTHER = "OTHER"


class FollowUp(Model):
    id = fields.IntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name="follow_ups", on_delete=fields.RESTRICT)
    member_id: int
    staff = fields.ForeignKeyField("models.Staff", related_name="follow_ups", on_delete=fields.RESTRICT)
    staff_id: int
    visited_at = fields.DatetimeField(description="When the contact took place.")
    channel = fields.CharEnumField(ContactChannel, max_length=10)
    outcome = fields.CharEnumField(FollowUpOutcome, max_length=20)
    notes = fields.TextField(default="")
    next_follow_up_on = fields.DateField(null=True, description="When to follow up again.")
    is_latest = fields.BooleanField(default=True, description="The member's most recently recorded follow-up.")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "care_follow_up"
        indexes = (("is_latest", "next_follow_up_on"),)


class FeedbackKind(str, Enum):
    FEEDBACK = "FEEDBACK"
    COMPLAINT = "COMPLAINT"
    SUGGESTION = "SUGGESTION"
    PRAISE = "PRAISE"


class FeedbackStatus(str, Enum):
    OPEN = "OPEN"
    IN_PROGRESS = "IN_PROGRESS"
    RESOLVED = "RESOLVED"
    CLOSED = "CLOSED"


class Feedback(Model):
    id = fields.IntField(primary_key=True)
    member = fields.ForeignKeyField("models.Member", related_name="feedback", on_delete=fields.RESTRICT)
    member_id: int
    store = fields.ForeignKeyField("models.Store", null=True, related_name="feedback", on_delete=fields.RESTRICT)
    store_id: int | None
    kind = fields.CharEnumField(FeedbackKind, max_length=12)
    channel = fields.CharEnumField(ContactChannel, max_length=10)
    subject = fields.CharField(max_length=100)
    content = fields.TextField(default="")
    status = fields.CharEnumField(FeedbackStatus, max_length=12, default=FeedbackStatus.OPEN)
    created_by = fields.ForeignKeyField("models.Staff", related_name="feedback_opened", on_delete=fields.RESTRICT)
    created_by_id: int
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "care_feedback"


class FeedbackEvent(Model):
    id = fields.IntField(primary_key=True)
    feedback = fields.ForeignKeyField("models.Feedback", related_name="events", on_delete=fields.CASCADE)
    feedback_id: int
    from_status = fields.CharEnumField(FeedbackStatus, max_length=12, null=True, description="Null when opened.")
    to_status = fields.CharEnumField(FeedbackStatus, max_length=12)
    staff = fields.ForeignKeyField("models.Staff", related_name="feedback_events", on_delete=fields.RESTRICT)
    staff_id: int
    comment = fields.TextField(default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "care_feedback_event"
