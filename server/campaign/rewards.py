"""Campaign rewards: the campaign's points and/or a coupon of its template, for each member a
message of it was actually sent to (delivery SENT) — never a holdout, consent or cap skip, nor a
message that failed or found no address.

`grant_rewards` runs after each send batch, for that batch's deliveries, and every scan grants
what messages sent by a retry since then are owed (`grant_recent_rewards`, the last two days).
It works through the deliveries in chunks of CHUNK:
1. picks SENT deliveries of the campaign without a reward row and resolves their members' points
   accounts (outside any transaction, as every payment does);
2. in one transaction claims them — a `campaign_reward` row under the delivery's key (unique),
   stamped with this run, skipping keys already taken — and grants what this run claimed: the
   points as an adjustment by nobody (`post_award`, key `reward:<delivery key>`), then the
   coupons in one `coupons.grant`; when the template refuses the chunk (too few left, a member's
   limit) each member is tried in a savepoint and a refusal is kept on their reward row.
A rerun or a second worker finds the keys taken and grants nothing twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from tortoise.transactions import in_transaction

from server.campaign.models import Campaign, CampaignReward, CampaignStatus
from server.coupon import services as coupons
from server.coupon.models import CouponTemplate
from server.core.errors import DomainError
from server.delivery.models import DeliveryStatus
from server.ledger.operations import system_key
from server.points.services import post_award, prepare_awards
from server.core.sql import Sql, fetch, sql

CHUNK = 200
RECENT = timedelta(days=2)


def has_rewards(campaign: Campaign) -> bool:
    return campaign.points > 0 or campaign.coupon_template_id is not None


async def grant_rewards(campaign: Campaign, at: datetime, within: Sql) -> int:
    """Grants the rewards owed for the campaign's SENT deliveries that match `within` (a condition
    on `delivery d`); how many deliveries this call rewarded."""
    if not has_rewards(campaign):
        return 0
    granted, after = 0, 0
    while True:
        due = await fetch(
            sql(
                "SELECT d.id AS id, d.key AS key, d.member_id AS member_id FROM delivery d WHERE d.source = ? AND d.status = ? "
                "AND d.id > ? AND ",
                f"campaign:{campaign.id}",
                DeliveryStatus.SENT.value,
                after,
            )
            + within
            + sql(" AND NOT EXISTS (SELECT 1 FROM campaign_reward w WHERE w.key = d.key) ORDER BY d.id LIMIT ?", CHUNK)
        )
        if not due:
            return granted
        after = int(due[-1]["id"])
        granted += await _grant(campaign, due, at)


async def grant_recent_rewards(at: datetime) -> int:
    """The scan's catch-up: rewards for deliveries of the last RECENT that were sent after their
    batch (a retried send), for every campaign with rewards that has run."""
    granted = 0
    for campaign in await Campaign.exclude(status=CampaignStatus.DRAFT).order_by("id"):
        if has_rewards(campaign):
            granted += await grant_rewards(campaign, at, sql("d.created_at >= ?", at - RECENT))
    return granted


async def _template(campaign: Campaign, at: datetime) -> tuple[CouponTemplate | None, str]:
    """The campaign's coupon template if coupons can be issued from it now, else why not."""
    if campaign.coupon_template_id is None:
        return None, ""
    template = await CouponTemplate.get_or_none(id=campaign.coupon_template_id, is_active=True)
    if template is None:
        return None, "The coupon template was withdrawn."
    if template.valid_to is not None and template.valid_to <= at:
        return None, "The coupon template's coupons have expired."
    return template, ""


async def _grant(campaign: Campaign, due: list[dict[str, Any]], at: datetime) -> int:
    members = [int(row["member_id"]) for row in due]
    awards = await prepare_awards(members, campaign.points, f"campaign reward ({campaign.name})") if campaign.points else {}
    template, refusal = await _template(campaign, at)
    run = uuid.uuid4().hex
    async with in_transaction():
        await CampaignReward.bulk_create(
            [CampaignReward(key=row["key"], campaign_id=campaign.id, member_id=int(row["member_id"]), run=run, created_at=at) for row in due],
            ignore_conflicts=True,
        )
        claimed = list(await CampaignReward.filter(run=run).order_by("member_id"))
        if not claimed:
            return 0
        for reward in claimed:
            award = awards.get(reward.member_id)
            if award is not None:
                operation = await post_award(award, system_key("reward", reward.key))
                reward.points, reward.points_operation_id = award.points, operation.id
        if template is not None:
            await _coupons(template, claimed)
        elif refusal:
            for reward in claimed:
                reward.refused = refusal
        await CampaignReward.bulk_update(claimed, fields=["points", "points_operation_id", "coupon_code", "refused"])
    return len(claimed)


async def _coupons(template: CouponTemplate, rewards: list[CampaignReward]) -> None:
    """One coupon each, in one grant; member by member when the template refuses the lot."""
    try:
        async with in_transaction():
            given = await coupons.grant(template, [r.member_id for r in rewards])
    except DomainError:
        for reward in rewards:
            try:
                async with in_transaction():
                    (coupon,) = await coupons.grant(template, [reward.member_id])
                reward.coupon_code = coupon.code
            except DomainError as exc:
                reward.refused = exc.message[:500]
        return
    for reward, coupon in zip(rewards, given, strict=True):
        reward.coupon_code = coupon.code
