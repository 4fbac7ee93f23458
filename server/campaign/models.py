"""Campaigns (营销): what to say to which members, when, and what became of it.

    Campaign          one-shot (a segment at a scheduled time) or triggered (a scan that finds
                      the members an occasion applies to); its variants (A/B texts with split
                      percentages) and holdout percentage; optional rewards (a coupon template
                      and/or points) for every member it is sent to, whatever their variant — a
                      reward belongs to the campaign, so the variants compare texts and the
                      holdout shows what text and reward together are worth; the org unit that
                      owns it (HQ's: none) and whose members alone it may reach
    CampaignSettings  one row, HQ's: the frequency cap across campaigns, quiet hours, and
                      whether REGION and STORE staff may run campaigns for their own members
    CampaignRecipient one row per campaign, member and occasion (`occurrence`: "once", the year of
                      a birthday, …): unique, so a rerun or a second worker never adds a member
                      twice. `variant` is the member's group (a variant's name or HOLDOUT),
                      `reason` why nothing was sent ('' when sent: CONSENT, HOLDOUT, CAP).
    CampaignReward    one row per delivery that was SENT for a campaign with rewards, under the
                      delivery's key (campaign, occurrence, member): unique, so a reward is
                      granted once whatever reruns or workers race; what was given (points and
                      their ledger operation, the coupon's code) or why not (`refused`).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.models import Model

HOLDOUT = "HOLDOUT"


class CampaignKind(str, Enum):
    ONE_SHOT = "ONE_SHOT"
    TRIGGERED = "TRIGGERED"


class Trigger(str, Enum):
    WELCOME = "WELCOME"
    BIRTHDAY = "BIRTHDAY"
    ANNIVERSARY = "ANNIVERSARY"
    INACTIVITY = "INACTIVITY"
    POINTS_EXPIRING = "POINTS_EXPIRING"
    REFERRAL_SUCCESS = "REFERRAL_SUCCESS"
    TIER_UPGRADE = "TIER_UPGRADE"
    TIER_ABOUT_TO_DOWNGRADE = "TIER_ABOUT_TO_DOWNGRADE"


class CampaignStatus(str, Enum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    DONE = "DONE"


class SkipReason(str, Enum):
    CONSENT = "CONSENT"
    HOLDOUT = "HOLDOUT"
    CAP = "CAP"


class Campaign(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    kind = fields.CharEnumField(CampaignKind, max_length=10)
    trigger = fields.CharField(max_length=24, default="", description="For TRIGGERED campaigns: the occasion.")
    trigger_days = fields.IntField(default=0, description="INACTIVITY: days without a purchase; POINTS_EXPIRING: days ahead.")
    segment_id = fields.IntField(null=True, description="Only members of this segment; all the owner's members when null.")
    scheduled_at = fields.DatetimeField(null=True, description="ONE_SHOT: when it goes out.")
    channel = fields.CharField(max_length=10, default="", description="LOG, EMAIL, SMS or WEBHOOK; empty for each member's best.")
    subject = fields.CharField(max_length=200, default="")
    variants: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]
    holdout_pct = fields.IntField(default=0, description="Percent of members kept as the control group.")
    coupon_template_id = fields.IntField(null=True)  # reward: a coupon of this template to each member sent to
    points = fields.IntField(default=0)  # reward: points to each member sent to; 0 = none
    attribution_days = fields.IntField(default=7, description="A consume this many days after delivery converts.")
    status = fields.CharEnumField(CampaignStatus, max_length=8, default=CampaignStatus.DRAFT)
    region_id = fields.IntField(null=True)
    store_id = fields.IntField(null=True)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    launched_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "campaign"


class CampaignSettings(Model):
    id = fields.IntField(primary_key=True)
    cap_messages = fields.IntField(default=3, description="At most this many campaign messages per member …")
    cap_days = fields.IntField(default=7, description="… within this many days; 0 = no cap.")
    quiet_start_hour = fields.IntField(default=21, description="Local hour quiet time starts (0-23).")
    quiet_end_hour = fields.IntField(default=9, description="Local hour quiet time ends; equal to start = none.")
    local_campaigns = fields.BooleanField(default=False, description="REGION and STORE staff may run campaigns.")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "campaign_settings"


class CampaignRecipient(Model):
    id = fields.BigIntField(primary_key=True)
    campaign_id = fields.IntField()
    member_id = fields.IntField()
    occurrence = fields.CharField(max_length=40)
    variant = fields.CharField(max_length=20)
    reason = fields.CharField(max_length=10, default="")
    created_at = fields.DatetimeField(description="When the member was reached (or would have been).")

    class Meta:
        table = "campaign_recipient"
        unique_together = (("campaign_id", "member_id", "occurrence"),)
        indexes = (("member_id", "created_at"),)


class CampaignReward(Model):
    id = fields.BigIntField(primary_key=True)
    key = fields.CharField(max_length=150, unique=True, description="The delivery's key: campaign, occurrence, member.")
    campaign_id = fields.IntField(db_index=True)
    member_id = fields.IntField()
    run = fields.CharField(max_length=32, description="The grant that claimed it.")
    points = fields.IntField(default=0, description="Points given.")
    points_operation_id = fields.BigIntField(null=True)
    coupon_code = fields.CharField(max_length=32, default="", description="The coupon given.")
    refused = fields.CharField(max_length=500, default="", description="Why a reward was not given (no coupons left, …).")
    created_at = fields.DatetimeField()

    class Meta:
        table = "campaign_reward"
