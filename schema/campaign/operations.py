"""Campaigns: HQ's chain-wide; REGION's and STORE's for their own members when HQ allows it."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry import relay

from schema.campaign.types import (
    Campaign,
    CampaignConnection,
    CampaignKind,
    CampaignPayload,
    CampaignSettings,
    CampaignSettingsPayload,
    CampaignTrigger,
)
from schema.context import Info
from schema.core.ids import decode_id
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated, payload_mutation
from schema.notices.operations import DeliveryChannel
from server.access.policy import Permission
from server.campaign import services
from server.campaign.models import Trigger
from server.channels.base import ChannelKind


@strawberry.input(description="An A/B variant.")
class CampaignVariantInput:
    name: str = strawberry.field(description="Its name, 1-20 characters, not HOLDOUT.")
    percent: int = strawberry.field(description="Percent of members who get it (at least 1).")
    body: str = strawberry.field(description="Message template; variables {name}, {memberNo}, {store}, {tier}.")


@strawberry.input(description="What each member a campaign is sent to receives (never the holdout or skipped members).")
class CampaignRewardsInput:
    coupon_template_id: relay.GlobalID | None = strawberry.field(
        default=None, description="A coupon of this (active) template, within its quantity and per-member limit."
    )
    points: int = strawberry.field(default=0, description="Points, 0 (none) to 10000000.")


@strawberry.input(description="A campaign's settings; variants and holdout add up to 100 percent.")
class CampaignInput:
    name: str = strawberry.field(description="Its name.")
    kind: CampaignKind = strawberry.field(description="ONE_SHOT or TRIGGERED.")
    variants: list[CampaignVariantInput] = strawberry.field(description="1-5 variants.")
    trigger: CampaignTrigger | None = strawberry.field(default=None, description="TRIGGERED: the occasion.")
    trigger_days: int = strawberry.field(
        default=0, description="INACTIVITY: days without purchase; POINTS_EXPIRING, TIER_ABOUT_TO_DOWNGRADE: days ahead (1-90)."
    )
    segment_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The segment to reach (required for ONE_SHOT); all the owner's members when omitted."
    )
    scheduled_at: datetime | None = strawberry.field(default=None, description="ONE_SHOT: when; at launch when omitted.")
    channel: DeliveryChannel | None = strawberry.field(default=None, description="The channel; each member's best when omitted.")
    subject: str = strawberry.field(default="", description="Subject (email) template.")
    holdout_percent: int = strawberry.field(default=0, description="Percent held back as the control group, 0-50.")
    attribution_days: int = strawberry.field(default=7, description="Attribution window in days, 1-90.")
    rewards: CampaignRewardsInput | None = strawberry.field(
        default=None, description="Rewards for members sent to (needs MANAGE_PROGRAM); none when omitted."
    )

    def to_draft(self) -> services.CampaignDraft:
        rewards = self.rewards or CampaignRewardsInput()
        template = rewards.coupon_template_id
        return services.CampaignDraft(
            name=self.name,
            kind=self.kind,
            variants=[services.Variant(v.name, v.percent, v.body) for v in self.variants],
            trigger=Trigger(self.trigger.value) if self.trigger else None,
            trigger_days=self.trigger_days,
            segment_id=decode_id(self.segment_id, "Segment", "segmentId") if self.segment_id else None,
            scheduled_at=self.scheduled_at,
            channel=ChannelKind(self.channel.value) if self.channel else None,
            subject=self.subject,
            holdout_pct=self.holdout_percent,
            attribution_days=self.attribution_days,
            coupon_template_id=decode_id(template, "CouponTemplate", ["rewards", "couponTemplateId"]) if template else None,
            points=rewards.points,
        )


@strawberry.input(description="HQ's rules for every campaign (all of them; replaces the current ones).")
class CampaignSettingsInput:
    cap_messages: int = strawberry.field(default=3, description="At most this many campaign messages per member …")
    cap_days: int = strawberry.field(default=7, description="… within this many days; 0 = no cap.")
    quiet_start_hour: int = strawberry.field(default=21, description="Local hour quiet time starts.")
    quiet_end_hour: int = strawberry.field(default=9, description="Local hour quiet time ends.")
    local_campaigns: bool = strawberry.field(default=False, description="REGION and STORE staff may run campaigns.")


@strawberry.type
class CampaignQuery:
    @strawberry.field(description="Campaigns the viewer may see (HQ all; others their unit's).", permission_classes=[IsAuthenticated])
    async def campaigns(self, info: Info, first: int | None = None, after: str | None = None) -> CampaignConnection:
        query = services.campaigns_query(info.context.actor)
        edges, page_info = to_edges(await fetch_page(query, first, after), Campaign.from_model)
        return CampaignConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(description="HQ's rules for every campaign.", permission_classes=[IsAuthenticated])
    async def campaign_settings(self, info: Info) -> CampaignSettings:
        return CampaignSettings.from_model(await services.campaign_settings(info.context.actor))


def _id(id: relay.GlobalID) -> int:  # noqa: A002
    return decode_id(id, "Campaign")


@strawberry.type
class CampaignMutation:
    @payload_mutation(description="Creates a draft campaign.", requires=Permission.MANAGE_CAMPAIGNS)
    async def create_campaign(self, info: Info, input: CampaignInput) -> CampaignPayload:  # noqa: A002
        campaign = await services.create_campaign(info.context.actor, input.to_draft())
        return CampaignPayload(campaign=Campaign.from_model(campaign))

    @payload_mutation(description="Replaces a draft or paused campaign's settings.", requires=Permission.MANAGE_CAMPAIGNS)
    async def update_campaign(self, info: Info, id: relay.GlobalID, input: CampaignInput) -> CampaignPayload:  # noqa: A002
        campaign = await services.update_campaign(info.context.actor, _id(id), input.to_draft())
        return CampaignPayload(campaign=Campaign.from_model(campaign))

    @payload_mutation(description="Starts (or resumes) a campaign.", requires=Permission.MANAGE_CAMPAIGNS)
    async def launch_campaign(self, info: Info, id: relay.GlobalID) -> CampaignPayload:  # noqa: A002
        return CampaignPayload(campaign=Campaign.from_model(await services.launch_campaign(info.context.actor, _id(id))))

    @payload_mutation(description="Stops a campaign reaching further members.", requires=Permission.MANAGE_CAMPAIGNS)
    async def pause_campaign(self, info: Info, id: relay.GlobalID) -> CampaignPayload:  # noqa: A002
        return CampaignPayload(campaign=Campaign.from_model(await services.pause_campaign(info.context.actor, _id(id))))

    @payload_mutation(description="Sets HQ's rules for every campaign.", requires=Permission.MANAGE_PROGRAM)
    async def set_campaign_settings(self, info: Info, input: CampaignSettingsInput) -> CampaignSettingsPayload:  # noqa: A002
        draft = services.SettingsDraft(
            input.cap_messages, input.cap_days, input.quiet_start_hour, input.quiet_end_hour, input.local_campaigns
        )
        return CampaignSettingsPayload(settings=CampaignSettings.from_model(await services.set_campaign_settings(info.context.actor, draft)))
