"""Referral (推荐有礼): members' codes, HQ's reward settings, and the rewards paid.

    ReferralCode      a member's short random code, made the first time it is asked for
    ReferralSettings  one row: what the referrer and the new member each receive
    ReferralReward    one row per referred member, written with the rewards in one transaction;
                      its unique `referee_id` is what makes a referral pay out exactly once

Importing this module — the ORM does, in every process that opens it — installs the referral
outbox (`server.referral.outbox`) on consume operations.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

CODE_LENGTH = 8


class ReferralCode(Model):
    member_id = fields.IntField(primary_key=True, generated=False)
    code = fields.CharField(max_length=CODE_LENGTH, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "referral_code"


class ReferralSettings(Model):
    id = fields.IntField(primary_key=True)
    referrer_points = fields.IntField(default=0, description="Points for the member who referred; 0 = none.")
    referrer_coupon_template_id = fields.IntField(null=True, description="A coupon for the referrer; null = none.")
    referee_points = fields.IntField(default=0, description="Points for the new member; 0 = none.")
    referee_coupon_template_id = fields.IntField(null=True, description="A coupon for the new member; null = none.")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "referral_settings"


class ReferralReward(Model):
    id = fields.IntField(primary_key=True)
    referee_id = fields.IntField(unique=True, description="The referred member; rewarded once.")
    referrer_id = fields.IntField(db_index=True)
    operation_id = fields.BigIntField(description="The referee's first consume, which earned the rewards.")
    rewards: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "referral_reward"


import server.referral.outbox  # noqa: E402,F401 - installs the outbox hook; it needs the models above
