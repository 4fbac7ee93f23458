"""Managing campaigns: HQ's chain-wide; REGION's and STORE's for their own members, when HQ's
campaign settings allow local campaigns.

    create_campaign / update_campaign   validate and save a draft (or a paused campaign); rewards
                                        (points, a coupon template) need MANAGE_PROGRAM, HQ's
    launch_campaign / pause_campaign    ACTIVE: scans reach members (a one-shot at its time);
                                        PAUSED: no further members are reached
    campaigns_query / get_campaign_in_scope / campaign_deliveries
    campaign_settings / set_campaign_settings   HQ's cap, quiet hours, local campaigns
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import Actor, Permission, Role, org_scope, owned_scope, require
from server.audit import services as audit
from server.campaign.models import HOLDOUT, Campaign, CampaignKind, CampaignSettings, CampaignStatus, Trigger
from server.campaign.templates import check_template
from server.campaign.triggers import TRIGGER_TASK, settings
from server.channels.base import ChannelKind
from server.core.clock import now
from server.core.errors import DomainError, ErrorCode, invalid, not_found, permission_denied
from server.core.text import clean_text
from server.coupon.models import CouponTemplate
from server.delivery.models import Delivery
from server.jobs.queue import enqueue
from server.org.models import Store
from server.points.services import MAX_POINTS
from server.segment.services import get_segment_in_scope

MAX_VARIANTS = 5
DAYS_LIMITS = {Trigger.INACTIVITY: 3650, Trigger.POINTS_EXPIRING: 365, Trigger.TIER_ABOUT_TO_DOWNGRADE: 90}


@dataclass
class Variant:
    name: str
    percent: int
    body: str


@dataclass
class CampaignDraft:
    name: str
    kind: CampaignKind
    variants: list[Variant]
    trigger: Trigger | None = None
    trigger_days: int = 0
    segment_id: int | None = None
    scheduled_at: datetime | None = None
    channel: ChannelKind | None = None
    subject: str = ""
    holdout_pct: int = 0
    attribution_days: int = 7
    coupon_template_id: int | None = None
    points: int = 0


def _check_variants(draft: CampaignDraft) -> list[dict[str, Any]]:
    if not 0 <= draft.holdout_pct <= 50:
        raise invalid("holdoutPercent", "Hold out between 0 and 50 percent of members.")
    if not 1 <= len(draft.variants) <= MAX_VARIANTS:
        raise invalid("variants", f"Give between 1 and {MAX_VARIANTS} variants.")
    names = [clean_text(v.name, "variants", max_length=20, required=True) for v in draft.variants]
    if len(set(names)) != len(names) or HOLDOUT in names:
        raise invalid("variants", f"Variant names must differ from each other and from {HOLDOUT}.")
    if any(v.percent < 1 for v in draft.variants) or sum(v.percent for v in draft.variants) + draft.holdout_pct != 100:
        raise invalid("variants", "Each variant takes at least 1 percent, and the variants and the holdout add up to 100.")
    return [
        {"name": name, "percent": v.percent, "body": check_template(clean_text(v.body, "body", max_length=1000, required=True), "body")}
        for name, v in zip(names, draft.variants, strict=True)
    ]


def _check_occasion(draft: CampaignDraft) -> None:
    if draft.kind is CampaignKind.ONE_SHOT:
        if draft.segment_id is None or draft.trigger is not None:
            raise invalid("segmentId", "A one-shot campaign targets a segment and has no trigger.")
        return
    if draft.trigger is None:
        raise invalid("trigger", "A triggered campaign needs its trigger.")
    limit = DAYS_LIMITS.get(draft.trigger)
    if limit is not None and not 1 <= draft.trigger_days <= limit:
        raise invalid("triggerDays", f"Give 1 to {limit} days for {draft.trigger.value}.")
    if draft.scheduled_at is not None:
        raise invalid("scheduledAt", "Only one-shot campaigns are scheduled; triggered ones run while active.")


def _rewards_error(field: str, message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, ["rewards", field])


async def _check_rewards(actor: Actor, draft: CampaignDraft) -> dict[str, Any]:
    """The reward columns: points within the adjustment limits, an active template whose coupons
    have not expired; only staff who run the programme may give them away."""
    if not 0 <= draft.points <= MAX_POINTS:
        raise _rewards_error("points", f"Reward between 0 (none) and {MAX_POINTS} points.")
    if draft.coupon_template_id is not None:
        template = await CouponTemplate.get_or_none(id=draft.coupon_template_id, is_active=True)
        if template is None:
            raise _rewards_error("couponTemplateId", "No active coupon template has this ID.")
        if template.valid_to is not None and template.valid_to <= now():
            raise _rewards_error("couponTemplateId", "This coupon template's coupons have expired.")
    rewarded = draft.points > 0 or draft.coupon_template_id is not None
    if rewarded and not actor.can(Permission.MANAGE_PROGRAM):
        raise DomainError(ErrorCode.PERMISSION_DENIED, "Only staff who run the programme may attach rewards.", ["rewards"])
    return {"coupon_template_id": draft.coupon_template_id, "points": draft.points}


async def _fields(actor: Actor, draft: CampaignDraft) -> dict[str, Any]:
    _check_occasion(draft)
    if draft.segment_id is not None:
        await get_segment_in_scope(actor, draft.segment_id, "segmentId")
    if not 1 <= draft.attribution_days <= 90:
        raise invalid("attributionDays", "The attribution window is 1 to 90 days.")
    return {
        "name": clean_text(draft.name, "name", max_length=100, required=True),
        "kind": draft.kind,
        "trigger": draft.trigger.value if draft.trigger else "",
        "trigger_days": draft.trigger_days if draft.trigger in DAYS_LIMITS else 0,
        "segment_id": draft.segment_id,
        "scheduled_at": draft.scheduled_at,
        "channel": draft.channel.value if draft.channel else "",
        "subject": check_template(clean_text(draft.subject, "subject", max_length=200), "subject"),
        "variants": _check_variants(draft),
        "holdout_pct": draft.holdout_pct,
        "attribution_days": draft.attribution_days,
        **await _check_rewards(actor, draft),
    }


async def _campaigner(actor: Actor | None) -> Actor:
    """The actor, if they may run campaigns: HQ always, REGION and STORE when HQ allows it."""
    actor = require(actor, Permission.MANAGE_CAMPAIGNS)
    if actor.role is not Role.HQ and not (await settings()).local_campaigns:
        raise permission_denied("HQ has not allowed regions and stores to run campaigns.")
    return actor


async def _owner(actor: Actor) -> dict[str, int | None]:
    scope = org_scope(actor)
    if scope.store_id is not None:
        store = await Store.get(id=scope.store_id)
        return {"region_id": store.region_id, "store_id": store.id}
    return {"region_id": scope.region_id, "store_id": None}


def _snapshot(campaign: Campaign) -> dict[str, Any]:
    return {
        "name": campaign.name,
        "kind": CampaignKind(campaign.kind).value,
        "trigger": campaign.trigger,
        "status": CampaignStatus(campaign.status).value,
        "segment_id": campaign.segment_id,
        "variants": campaign.variants,
        "holdout_pct": campaign.holdout_pct,
        "coupon_template_id": campaign.coupon_template_id,
        "points": campaign.points,
    }


async def create_campaign(actor: Actor | None, draft: CampaignDraft) -> Campaign:
    actor = await _campaigner(actor)
    values = await _fields(actor, draft)
    async with in_transaction():
        campaign = await Campaign.create(**values, **await _owner(actor), created_by_id=actor.staff_id)
        await audit.record(actor, "campaign.create", "Campaign", campaign.id, None, _snapshot(campaign))
    return campaign


def campaigns_query(actor: Actor | None) -> QuerySet[Campaign]:
    return Campaign.filter(**owned_scope(require(actor)))


async def get_campaign_in_scope(actor: Actor | None, campaign_id: int, field: str = "id") -> Campaign:
    campaign = await campaigns_query(actor).get_or_none(id=campaign_id)
    if campaign is None:
        raise not_found("Campaign", field)
    return campaign


async def _change(actor: Actor, campaign_id: int, action: str, allowed: set[CampaignStatus], **values: Any) -> Campaign:
    campaign = await get_campaign_in_scope(actor, campaign_id)
    if CampaignStatus(campaign.status) not in allowed:
        raise DomainError(
            ErrorCode.INVALID_TRANSITION, f"A {CampaignStatus(campaign.status).value.lower()} campaign can't be {action}d.", "id"
        )
    async with in_transaction():
        before = _snapshot(campaign)
        guarded = await Campaign.filter(id=campaign.id, status=campaign.status).update(**values, updated_at=now())
        if guarded != 1:
            raise DomainError(ErrorCode.INVALID_TRANSITION, "The campaign changed meanwhile; reload it and try again.", "id")
        campaign = await Campaign.get(id=campaign.id)
        await audit.record(actor, f"campaign.{action}", "Campaign", campaign.id, before, _snapshot(campaign))
    return campaign


async def update_campaign(actor: Actor | None, campaign_id: int, draft: CampaignDraft) -> Campaign:
    """Replaces a draft's (or paused campaign's) settings."""
    actor = await _campaigner(actor)
    values = await _fields(actor, draft)
    return await _change(actor, campaign_id, "update", {CampaignStatus.DRAFT, CampaignStatus.PAUSED}, **values)


async def launch_campaign(actor: Actor | None, campaign_id: int) -> Campaign:
    """Activates a draft or paused campaign and queues a run at its time (now for triggers)."""
    actor = await _campaigner(actor)
    at = now()
    current = await get_campaign_in_scope(actor, campaign_id)
    campaign = await _change(
        actor, campaign_id, "launch", {CampaignStatus.DRAFT, CampaignStatus.PAUSED},
        status=CampaignStatus.ACTIVE, launched_at=current.launched_at or at,
    )
    run_at = max(campaign.scheduled_at or at, at)
    await enqueue(TRIGGER_TASK, f"campaign:{campaign.id}:launch:{at.isoformat()}", {}, run_at=run_at)
    return campaign


async def pause_campaign(actor: Actor | None, campaign_id: int) -> Campaign:
    actor = await _campaigner(actor)
    return await _change(actor, campaign_id, "pause", {CampaignStatus.ACTIVE}, status=CampaignStatus.PAUSED)


def campaign_deliveries(campaign: Campaign) -> QuerySet[Delivery]:
    return Delivery.filter(source=f"campaign:{campaign.id}")


@dataclass
class SettingsDraft:
    cap_messages: int = 3
    cap_days: int = 7
    quiet_start_hour: int = 21
    quiet_end_hour: int = 9
    local_campaigns: bool = False


async def campaign_settings(actor: Actor | None) -> CampaignSettings:
    require(actor)
    return await settings()


async def set_campaign_settings(actor: Actor | None, draft: SettingsDraft) -> CampaignSettings:
    actor = require(actor, Permission.MANAGE_PROGRAM)
    if not 1 <= draft.cap_messages <= 100 or not 0 <= draft.cap_days <= 365:
        raise invalid("capMessages", "Cap at 1 to 100 messages within 0 (no cap) to 365 days.")
    for name, hour in (("quietStartHour", draft.quiet_start_hour), ("quietEndHour", draft.quiet_end_hour)):
        if not 0 <= hour <= 23:
            raise invalid(name, "An hour of the day, 0 to 23.")
    values = asdict(draft)
    before = _settings_snapshot(await settings())
    async with in_transaction():
        await CampaignSettings.update_or_create(defaults={**values, "updated_at": now()}, id=1)
        await audit.record(actor, "campaign.settings", "CampaignSettings", 1, before, values)
    return await settings()


def _settings_snapshot(row: CampaignSettings) -> dict[str, Any]:
    return {k: getattr(row, k) for k in ("cap_messages", "cap_days", "quiet_start_hour", "quiet_end_hour", "local_campaigns")}
