"""Members' choices about service notices (消费提醒): on unless they opted out, on the channel
they prefer or on their best one.

Importing this module — the ORM does, in every process that opens it — installs the notice outbox
(`server.notices.outbox`), so no money or card operation commits without its notice job.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

import server.notices.outbox  # noqa: F401 - installs the outbox hooks


class NoticePreference(Model):
    id = fields.IntField(primary_key=True)
    member_id = fields.IntField(unique=True)
    service_notices = fields.BooleanField(default=True, description="False: the member opted out.")
    channel = fields.CharField(max_length=10, default="", description="LOG, EMAIL, SMS or WEBHOOK; empty for the best one.")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "notice_preference"
