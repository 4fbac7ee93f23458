"""Campaigns, their deliveries and results as GraphQL types."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import encode_id
from schema.core.nodes import ModelNode
from schema.core.pagination import fetch_page, to_edges, total_count
from schema.coupon.types import CouponTemplate
from schema.member.types import Member, member_by_id
from schema.notices.operations import DeliveryChannel
from schema.segment.types import Segment
from server.campaign import models
from server.campaign.results import CampaignResults as Results, VariantResult, campaign_results
from server.campaign.services import campaign_deliveries, campaigns_query
from server.channels.base import ChannelKind
from server.delivery import models as delivery_models
from server.segment.services import segments_query

CampaignKind = strawberry.enum(models.CampaignKind, description="ONE_SHOT (a segment at a time) or TRIGGERED (an occasion).")
CampaignTrigger = strawberry.enum(models.Trigger, name="CampaignTrigger", description="The occasion a triggered campaign reacts to.")
CampaignStatus = strawberry.enum(models.CampaignStatus, description="DRAFT, ACTIVE, PAUSED or DONE (a one-shot that went out).")
DeliveryStatus = strawberry.enum(delivery_models.DeliveryStatus, description="PENDING, SENT, SKIPPED or FAILED.")


@strawberry.type(description="An A/B variant: its share of members and its message.")
class CampaignVariant:
    name: str = strawberry.field(description="Its name, e.g. A.")
    percent: int = strawberry.field(description="Percent of members who get it.")
    body: str = strawberry.field(description="Message template with {name}, {memberNo}, {store}, {tier}.")


@strawberry.type(description="What each member a campaign is sent to receives (never the holdout or skipped members).")
class CampaignRewards:
    points: int = strawberry.field(description="Points; 0 = none.")
    coupon_template_id: strawberry.Private[int | None]

    @strawberry.field(description="A coupon of this template; null = none.")
    async def coupon_template(self, info: Info) -> CouponTemplate | None:
        if self.coupon_template_id is None:
            return None
        row = await info.context.loaders.coupon_template.load(self.coupon_template_id)
        return CouponTemplate.from_model(row) if row else None


@strawberry.type(description="The reward a delivery earned, granted once after it was sent.")
class CampaignDeliveryReward:
    points: int = strawberry.field(description="Points given.")
    coupon_code: str | None = strawberry.field(description="The coupon given; null when none was.")
    refusal: str = strawberry.field(description="Why a reward was not given (no coupons left, the member's limit …); empty when all was.")
    granted_at: datetime = strawberry.field(description="When it was granted.")

    @classmethod
    def from_model(cls, row: models.CampaignReward) -> CampaignDeliveryReward:
        return cls(points=row.points, coupon_code=row.coupon_code or None, refusal=row.refused, granted_at=row.created_at)


@strawberry.type(description="One message of a campaign to one member, and what became of it.")
class CampaignDelivery:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    variant: str = strawberry.field(description="The member's group: a variant's name or HOLDOUT.")
    status: DeliveryStatus = strawberry.field(description="PENDING, SENT, SKIPPED or FAILED.")
    reason: str = strawberry.field(description="Why it was skipped (CONSENT, HOLDOUT, CAP, no address …) or failed.")
    channel: str = strawberry.field(description="The channel used (empty until sent).")
    body: str = strawberry.field(description="The message as sent.")
    created_at: datetime = strawberry.field(description="When the member was reached (or would have been).")
    sent_at: datetime | None = strawberry.field(description="When the channel accepted it.")
    row: strawberry.Private[delivery_models.Delivery]

    @strawberry.field(description="The member it was meant for, masked like any member outside the viewer's scope.")
    async def member(self, info: Info) -> Member:
        return await member_by_id(info, self.row.member_id)

    @strawberry.field(description="Its reward, once granted (only for messages sent by a campaign with rewards).")
    async def reward(self, info: Info) -> CampaignDeliveryReward | None:
        row = await info.context.loaders.campaign_reward.load(self.row.key)
        return CampaignDeliveryReward.from_model(row) if row else None

    @classmethod
    def from_model(cls, row: delivery_models.Delivery) -> CampaignDelivery:
        return cls(
            member_id=encode_id("Member", row.member_id),
            variant=row.template.rsplit(".", 1)[-1],
            status=delivery_models.DeliveryStatus(row.status),
            reason=row.reason,
            channel=row.channel,
            body=row.body,
            created_at=row.created_at,
            sent_at=row.sent_at,
            row=row,
        )


@strawberry.type(description="A page of a campaign's deliveries, newest first.")
class CampaignDeliveryConnection(relay.Connection[CampaignDelivery]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many deliveries the campaign has (of the status asked for, if one was).")


@strawberry.type(description="Conversion of one group: members who consumed within the attribution window.")
class CampaignVariantResult:
    variant: str = strawberry.field(description="The variant's name, or HOLDOUT.")
    reached: int = strawberry.field(description="Members sent to (for the holdout: held back).")
    converted: int = strawberry.field(description="Of those, members who consumed within the window.")
    rate: Decimal = strawberry.field(description="converted ÷ reached, 4 places.")
    lift: Decimal | None = strawberry.field(description="rate ÷ holdout rate − 1, 4 places; null without a converting holdout.")

    @classmethod
    def of(cls, result: VariantResult) -> CampaignVariantResult:
        return cls(variant=result.variant, reached=result.reached, converted=result.converted, rate=result.rate, lift=result.lift)


@strawberry.type(description="A campaign's results per variant against its holdout.")
class CampaignResults:
    variants: list[CampaignVariantResult] = strawberry.field(description="Each variant, in order.")
    holdout: CampaignVariantResult | None = strawberry.field(description="The control group; null without one.")
    skipped_for_consent: int = strawberry.field(description="Members not reached: no marketing consent.")
    skipped_for_cap: int = strawberry.field(description="Members not reached: the frequency cap.")

    @classmethod
    def of(cls, results: Results) -> CampaignResults:
        return cls(
            variants=[CampaignVariantResult.of(v) for v in results.variants],
            holdout=CampaignVariantResult.of(results.holdout) if results.holdout else None,
            skipped_for_consent=results.skipped[models.SkipReason.CONSENT.value],
            skipped_for_cap=results.skipped[models.SkipReason.CAP.value],
        )


@strawberry.type(description="A marketing campaign (营销活动).")
class Campaign(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Its name.")
    kind: CampaignKind = strawberry.field(description="ONE_SHOT or TRIGGERED.")
    trigger: CampaignTrigger | None = strawberry.field(description="The occasion of a triggered campaign.")
    trigger_days: int = strawberry.field(
        description="INACTIVITY: days without purchase; POINTS_EXPIRING, TIER_ABOUT_TO_DOWNGRADE: days ahead."
    )
    scheduled_at: datetime | None = strawberry.field(description="When a one-shot campaign goes out; at launch when null.")
    channel: DeliveryChannel | None = strawberry.field(description="The channel; each member's best when null.")
    subject: str = strawberry.field(description="Subject (email) template.")
    variants: list[CampaignVariant] = strawberry.field(description="The A/B variants.")
    holdout_percent: int = strawberry.field(description="Percent of members held back as the control group.")
    attribution_days: int = strawberry.field(description="A consume this many days after delivery counts as a conversion.")
    rewards: CampaignRewards = strawberry.field(description="What each member sent to receives.")
    status: CampaignStatus = strawberry.field(description="DRAFT, ACTIVE, PAUSED or DONE.")
    created_at: datetime = strawberry.field(description="When it was created.")
    launched_at: datetime | None = strawberry.field(description="When it was first launched.")
    model: strawberry.Private[models.Campaign]

    @strawberry.field(description="The segment it targets; all the owner's members when null.")
    async def segment(self, info: Info) -> Segment | None:
        if self.model.segment_id is None:
            return None
        row = await segments_query(info.context.actor).get_or_none(id=self.model.segment_id)
        return Segment.from_model(row) if row else None

    @strawberry.field(description="Its deliveries, newest first.")
    async def deliveries(
        self, first: int | None = None, after: str | None = None, status: DeliveryStatus | None = None
    ) -> CampaignDeliveryConnection:
        query = campaign_deliveries(self.model)
        if status is not None:
            query = query.filter(status=status)
        edges, page_info = to_edges(await fetch_page(query, first, after), CampaignDelivery.from_model)
        return CampaignDeliveryConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(description="Conversion per variant against the holdout, with lift.")
    async def results(self) -> CampaignResults:
        return CampaignResults.of(await campaign_results(self.model))

    @classmethod
    def from_model(cls, row: models.Campaign, info: Any = None) -> Campaign:
        return cls(
            id=row.id,
            name=row.name,
            kind=models.CampaignKind(row.kind),
            trigger=models.Trigger(row.trigger) if row.trigger else None,
            trigger_days=row.trigger_days,
            scheduled_at=row.scheduled_at,
            channel=ChannelKind(row.channel) if row.channel else None,
            subject=row.subject,
            variants=[CampaignVariant(name=v["name"], percent=v["percent"], body=v["body"]) for v in row.variants],
            holdout_percent=row.holdout_pct,
            attribution_days=row.attribution_days,
            rewards=CampaignRewards(points=row.points, coupon_template_id=row.coupon_template_id),
            status=models.CampaignStatus(row.status),
            created_at=row.created_at,
            launched_at=row.launched_at,
            model=row,
        )

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return campaigns_query(info.context.actor)


@strawberry.type(description="A page of campaigns, newest first.")
class CampaignConnection(relay.Connection[Campaign]):
    query: strawberry.Private[Any]

    total_count: int = total_count("How many campaigns the viewer may see (HQ: all; REGION/STORE: their unit's).")


@strawberry.type(description="Result of a campaign mutation.")
class CampaignPayload:
    campaign: Campaign | None = strawberry.field(default=None, description="The campaign after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type(description="HQ's rules for every campaign.")
class CampaignSettings:
    cap_messages: int = strawberry.field(description="At most this many campaign messages per member …")
    cap_days: int = strawberry.field(description="… within this many days; 0 = no cap.")
    quiet_start_hour: int = strawberry.field(description="Local hour quiet time starts; nothing is sent until it ends.")
    quiet_end_hour: int = strawberry.field(description="Local hour quiet time ends; equal to the start = no quiet time.")
    local_campaigns: bool = strawberry.field(description="Whether REGION and STORE staff may run campaigns for their own members.")

    @classmethod
    def from_model(cls, row: models.CampaignSettings) -> CampaignSettings:
        return cls(
            cap_messages=row.cap_messages,
            cap_days=row.cap_days,
            quiet_start_hour=row.quiet_start_hour,
            quiet_end_hour=row.quiet_end_hour,
            local_campaigns=row.local_campaigns,
        )


@strawberry.type(description="Result of setCampaignSettings.")
class CampaignSettingsPayload:
    settings: CampaignSettings | None = strawberry.field(default=None, description="The settings after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")
